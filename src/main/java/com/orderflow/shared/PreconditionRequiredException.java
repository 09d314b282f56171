package com.orderflow.shared;

/** A conditional request was required but If-Match was missing (428). */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String message) {
        super(message);
    }
}
