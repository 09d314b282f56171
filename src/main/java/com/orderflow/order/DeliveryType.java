package com.orderflow.order;

/** Goods going to the customer, or coming back from them. */
public enum DeliveryType {
    DELIVERY, RETURN
}
