package com.orderflow.shared;

/** The request clashes with the current state of the resource (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
