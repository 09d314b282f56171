package com.orderflow.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the API shows of a settlement: the settle task's data, and what was issued once settled. */
public final class SettlementViews {

    private SettlementViews() {
    }

    public record SettlementView(Long id, Long orderId, String orderNumber, String status, String currency,
            BigDecimal oldTotal, BigDecimal newTotal, BigDecimal invoicedBalance, BigDecimal difference,
            String proposedAction, BigDecimal proposedAmount, String proposal, String taskId, Instant openedAt,
            String openedBy, Instant settledAt, String settledBy, String action, List<String> documents) {
    }
}
