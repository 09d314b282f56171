package com.orderflow.order;

public enum InvoiceStatus {
    ISSUED, NEEDS_REISSUE, VOID
}
