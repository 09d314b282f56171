package com.orderflow.order;

import java.math.BigDecimal;

/** Value of one order line, as the API and snapshots carry it. */
public record LineItem(String sku, String description, int quantity, BigDecimal unitPrice) {
}
