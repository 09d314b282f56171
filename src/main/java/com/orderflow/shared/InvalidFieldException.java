package com.orderflow.shared;

/** A well-formed request whose field names something invalid, e.g. an unknown customer id (400). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
