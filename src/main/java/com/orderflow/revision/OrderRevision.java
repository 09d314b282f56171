package com.orderflow.revision;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A full JSON snapshot of an order at one revision. Never changed, never deleted. */
@Entity
public class OrderRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_revision_seq")
    @SequenceGenerator(name = "order_revision_seq", sequenceName = "order_revision_seq", allocationSize = 50)
    private Long id;

    private Long orderId;
    private int number;
    private String snapshot;
    private String createdBy;
    private Instant createdAt;
    private String reason;
    private Long requestId;

    protected OrderRevision() {
    }

    OrderRevision(Long orderId, int number, String snapshot, String createdBy, Instant createdAt, String reason,
            Long requestId) {
        this.orderId = orderId;
        this.number = number;
        this.snapshot = snapshot;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.reason = reason;
        this.requestId = requestId;
    }

    public Long getOrderId() {
        return orderId;
    }

    public int getNumber() {
        return number;
    }

    public String getSnapshot() {
        return snapshot;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getReason() {
        return reason;
    }

    public Long getRequestId() {
        return requestId;
    }
}
