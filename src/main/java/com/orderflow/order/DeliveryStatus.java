package com.orderflow.order;

/** SCHEDULED until done (DELIVERED, for a return: received back) or no longer needed (CANCELLED). */
public enum DeliveryStatus {
    SCHEDULED, DELIVERED, CANCELLED;

    public boolean isDone() {
        return this != SCHEDULED;
    }
}
