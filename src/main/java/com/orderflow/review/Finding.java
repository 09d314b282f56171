package com.orderflow.review;

import java.math.BigDecimal;

/**
 * A finding as the scan produces it, before it is stored.
 *
 * @param severity how bad it is, for picking the worst cases: the amount difference, the age in days,
 *                 the order total (missing contract, undelivered lines)
 */
record Finding(Long orderId, String orderNumber, String owner, FindingKind kind, String detail,
        BigDecimal severity) {
}
