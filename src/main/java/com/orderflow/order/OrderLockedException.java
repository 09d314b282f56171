package com.orderflow.order;

/** A direct edit of a closed or cancelled order: the caller should file a modification request instead. */
public class OrderLockedException extends RuntimeException {

    private final String orderNumber;
    private final OrderStatus status;

    OrderLockedException(String orderNumber, OrderStatus status) {
        super("Order " + orderNumber + " is " + status + " and locked against direct edits");
        this.orderNumber = orderNumber;
        this.status = status;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public OrderStatus getStatus() {
        return status;
    }
}
