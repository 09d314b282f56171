package com.orderflow.order;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A credit note against one invoice: a document of its own, written once. */
@Entity
public class CreditNote {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "credit_note_seq")
    @SequenceGenerator(name = "credit_note_seq", sequenceName = "credit_note_seq", allocationSize = 50)
    private Long id;

    private Long invoiceId;
    private Long orderId;
    private String number;
    private BigDecimal amount;
    private String currency;
    private String reason;
    private String issuedBy;
    private Instant issuedAt;
    private Long settlementId;

    protected CreditNote() {
    }

    CreditNote(Invoice invoice, String number, BigDecimal amount, String reason, String issuedBy, Instant issuedAt,
            Long settlementId) {
        this.invoiceId = invoice.getId();
        this.orderId = invoice.getOrderId();
        this.number = number;
        this.amount = amount;
        this.currency = invoice.getCurrency();
        this.reason = reason;
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
        this.settlementId = settlementId;
    }

    public Long getId() {
        return id;
    }

    public Long getInvoiceId() {
        return invoiceId;
    }

    public Long getOrderId() {
        return orderId;
    }

    public String getNumber() {
        return number;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getReason() {
        return reason;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Long getSettlementId() {
        return settlementId;
    }
}
