package com.orderflow.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** One write, who did it and what changed. Append-only: there is no method that changes one. */
@Entity
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    private Long id;

    private Long orderId;
    private String actor;
    private String action;
    private String details;
    private String beforeState;
    private String afterState;
    private Instant occurredAt;

    protected AuditEvent() {
    }

    AuditEvent(Long orderId, String actor, String action, String details, String beforeState, String afterState,
            Instant occurredAt) {
        this.orderId = orderId;
        this.actor = actor;
        this.action = action;
        this.details = details;
        this.beforeState = beforeState;
        this.afterState = afterState;
        this.occurredAt = occurredAt;
    }

    public Long getId() {
        return id;
    }

    public Long getOrderId() {
        return orderId;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getDetails() {
        return details;
    }

    public String getBeforeState() {
        return beforeState;
    }

    public String getAfterState() {
        return afterState;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
