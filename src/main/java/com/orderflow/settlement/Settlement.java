package com.orderflow.settlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import com.orderflow.shared.ConflictException;

/**
 * The open work of bringing an order's invoices in line with its new total, done by finance in the
 * {@code invoice-settlement} process. At most one is OPEN per order: a further change of the total while
 * it is open moves its new total.
 */
@Entity
class Settlement {

    enum Status {
        OPEN, SETTLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "settlement_seq")
    @SequenceGenerator(name = "settlement_seq", sequenceName = "settlement_seq", allocationSize = 50)
    private Long id;

    private Long orderId;

    @Enumerated(EnumType.STRING)
    private Status status;

    private BigDecimal oldTotal;
    private BigDecimal newTotal;
    private String currency;
    private String processInstanceId;
    private Instant openedAt;
    private String openedBy;
    private Instant settledAt;
    private String settledBy;

    @Enumerated(EnumType.STRING)
    private SettlementPlan.Action action;

    private String documents;

    @Version
    private long version;

    protected Settlement() {
    }

    Settlement(Long orderId, BigDecimal oldTotal, BigDecimal newTotal, String currency, String openedBy,
            Instant openedAt) {
        this.orderId = orderId;
        this.status = Status.OPEN;
        this.oldTotal = oldTotal;
        this.newTotal = newTotal;
        this.currency = currency;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void totalMovedTo(BigDecimal total) {
        this.newTotal = total;
    }

    void settled(SettlementPlan.Action action, String documents, String by, Instant at) {
        if (status != Status.OPEN) {
            throw new ConflictException("Settlement " + id + " of this order was already settled by " + settledBy);
        }
        this.status = Status.SETTLED;
        this.action = action;
        this.documents = documents;
        this.settledBy = by;
        this.settledAt = at;
    }

    Long getId() {
        return id;
    }

    Long getOrderId() {
        return orderId;
    }

    Status getStatus() {
        return status;
    }

    BigDecimal getOldTotal() {
        return oldTotal;
    }

    BigDecimal getNewTotal() {
        return newTotal;
    }

    String getCurrency() {
        return currency;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    Instant getOpenedAt() {
        return openedAt;
    }

    String getOpenedBy() {
        return openedBy;
    }

    Instant getSettledAt() {
        return settledAt;
    }

    String getSettledBy() {
        return settledBy;
    }

    SettlementPlan.Action getAction() {
        return action;
    }

    /** The numbers of what the settlement issued ({@code VOID INV-…} for a voided invoice), in order. */
    List<String> documentNumbers() {
        return documents == null || documents.isBlank() ? List.of() : List.of(documents.split(", "));
    }
}
