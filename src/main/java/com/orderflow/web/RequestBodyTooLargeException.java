package com.orderflow.web;

import java.io.IOException;

/** Thrown while reading a body that grows past the limit without announcing its length. */
class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
    }

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
