package com.orderflow.order;

public enum DeliveryStatus {
    SCHEDULED, DELIVERED
}
