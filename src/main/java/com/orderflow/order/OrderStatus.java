package com.orderflow.order;

public enum OrderStatus {
    OPEN, CLOSED, REOPENED, CANCELLED;

    /** Direct edits are allowed only while the order is not closed or cancelled. */
    public boolean isEditable() {
        return this == OPEN || this == REOPENED;
    }
}
