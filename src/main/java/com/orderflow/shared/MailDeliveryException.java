package com.orderflow.shared;

/** Some emails of an event could not be sent; the job that sent them should be retried. */
public class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
