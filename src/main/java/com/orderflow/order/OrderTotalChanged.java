package com.orderflow.order;

import java.math.BigDecimal;

/**
 * Raised in the writer's transaction when a change moved an order's total; settling its invoices
 * (the settlement process) listens. {@code hasInvoices}: the order has invoices that are not void.
 */
public record OrderTotalChanged(Long orderId, String orderNumber, int revision, String actor, BigDecimal oldTotal,
        BigDecimal newTotal, boolean hasInvoices) {
}
