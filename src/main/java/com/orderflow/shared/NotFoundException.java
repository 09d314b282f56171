package com.orderflow.shared;

/** An id in the path that names nothing (answered as 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
