package com.orderflow.order;

import com.orderflow.shared.ConflictException;

/** A transition the order's current status does not allow (answered as 409). */
public class OrderStateException extends ConflictException {

    public OrderStateException(String message) {
        super(message);
    }
}
