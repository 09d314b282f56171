package com.orderflow.order;

/** A transition the order's current status does not allow (answered as 409). */
public class OrderStateException extends RuntimeException {

    public OrderStateException(String message) {
        super(message);
    }
}
