package com.orderflow.order;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** An invoice issued for an order; its own aggregate, referring to the order by id. */
@Entity
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_seq")
    @SequenceGenerator(name = "invoice_seq", sequenceName = "invoice_seq", allocationSize = 50)
    private Long id;

    private Long orderId;
    private String number;
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;

    private Instant issuedAt;
    private Instant statusChangedAt;

    protected Invoice() {
    }

    Invoice(Long orderId, String number, BigDecimal amount, Instant issuedAt) {
        this.orderId = orderId;
        this.number = number;
        this.amount = amount;
        this.status = InvoiceStatus.ISSUED;
        this.issuedAt = issuedAt;
        this.statusChangedAt = issuedAt;
    }

    /** An amount change on the order makes an issued invoice wrong: it must be reissued. */
    public boolean markNeedsReissue(Instant at) {
        if (status != InvoiceStatus.ISSUED) {
            return false;
        }
        this.status = InvoiceStatus.NEEDS_REISSUE;
        this.statusChangedAt = at;
        return true;
    }

    public Long getId() {
        return id;
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

    public InvoiceStatus getStatus() {
        return status;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }
}
