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
import jakarta.persistence.Version;

import com.orderflow.shared.ConflictException;
import com.orderflow.shared.InvalidFieldException;

/**
 * An invoice issued for an order; its own aggregate, referring to the order by id. What was credited
 * against it is kept here, so the rule "never credit more than is left" is checked on this one row,
 * under its optimistic lock.
 */
@Entity
public class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_seq")
    @SequenceGenerator(name = "invoice_seq", sequenceName = "invoice_seq", allocationSize = 50)
    private Long id;

    private Long orderId;
    private String number;
    private BigDecimal amount;
    private String currency;
    private BigDecimal credited;
    private String reason;
    private String issuedBy;

    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;

    private Instant issuedAt;
    private Instant statusChangedAt;
    private String voidReason;
    private String voidedBy;
    private Instant voidedAt;
    private Long settlementId;

    @Version
    private long version;

    protected Invoice() {
    }

    Invoice(Long orderId, String number, BigDecimal amount, String currency, String reason, String issuedBy,
            Instant issuedAt, Long settlementId) {
        if (amount == null || amount.signum() <= 0) {
            throw new InvalidFieldException("amount", "must be more than 0");
        }
        this.orderId = orderId;
        this.number = number;
        this.amount = amount;
        this.currency = currency;
        this.credited = BigDecimal.ZERO.setScale(2);
        this.reason = reason;
        this.issuedBy = issuedBy;
        this.status = InvoiceStatus.ISSUED;
        this.issuedAt = issuedAt;
        this.statusChangedAt = issuedAt;
        this.settlementId = settlementId;
    }

    /** An amount change on the order makes an issued invoice wrong until finance settles the order. */
    public boolean markNeedsReissue(Instant at) {
        if (status != InvoiceStatus.ISSUED) {
            return false;
        }
        this.status = InvoiceStatus.NEEDS_REISSUE;
        this.statusChangedAt = at;
        return true;
    }

    /** The settlement brought the order's invoices in line with its total: this one stands as it is. */
    boolean settled(Instant at) {
        if (status != InvoiceStatus.NEEDS_REISSUE) {
            return false;
        }
        this.status = InvoiceStatus.ISSUED;
        this.statusChangedAt = at;
        return true;
    }

    /** What is left to credit; nothing on a void invoice. */
    public BigDecimal remaining() {
        return status == InvoiceStatus.VOID ? BigDecimal.ZERO.setScale(2) : amount.subtract(credited);
    }

    /** Records a credit of {@code value} against this invoice; refuses more than is left. */
    void credit(BigDecimal value) {
        if (value == null || value.signum() <= 0) {
            throw new InvalidFieldException("amount", "must be more than 0");
        }
        if (status == InvoiceStatus.VOID) {
            throw new ConflictException("Invoice " + number + " is void; a void invoice cannot be credited");
        }
        if (value.compareTo(remaining()) > 0) {
            throw new ConflictException("Invoice " + number + " has " + remaining().toPlainString() + " " + currency
                    + " left to credit, less than " + value.toPlainString() + " " + currency);
        }
        this.credited = credited.add(value);
    }

    /** Voids the invoice; one already credited is credited further instead (its credit notes stand). */
    void voidFor(String why, String by, Instant at) {
        if (status == InvoiceStatus.VOID) {
            throw new ConflictException("Invoice " + number + " is already void");
        }
        if (credited.signum() > 0) {
            throw new ConflictException("Invoice " + number + " has credit notes of " + credited.toPlainString()
                    + " " + currency + "; credit what is left instead of voiding it");
        }
        this.status = InvoiceStatus.VOID;
        this.voidReason = why;
        this.voidedBy = by;
        this.voidedAt = at;
        this.statusChangedAt = at;
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

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getCredited() {
        return credited;
    }

    public String getReason() {
        return reason;
    }

    public String getIssuedBy() {
        return issuedBy;
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

    public String getVoidReason() {
        return voidReason;
    }

    public String getVoidedBy() {
        return voidedBy;
    }

    public Instant getVoidedAt() {
        return voidedAt;
    }

    public Long getSettlementId() {
        return settlementId;
    }
}
