package com.orderflow.lifecycle;

import java.time.Instant;
import java.util.Collection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import com.orderflow.order.OrderStateException;
import com.orderflow.shared.Actor;

/**
 * A user's request to close or reopen an order, linked to the process instance orderflow started for
 * it. The instance's steps read the order, the requester and (reopening) the admin's decision from
 * here: a reopening is carried out only once an admin other than the requester approved it.
 */
@Entity
class LifecycleRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lifecycle_request_seq")
    @SequenceGenerator(name = "lifecycle_request_seq", sequenceName = "lifecycle_request_seq", allocationSize = 50)
    private Long id;

    private Long orderId;

    @Enumerated(EnumType.STRING)
    private LifecycleKind kind;

    private String requester;
    private String reason;
    private String processInstanceId;
    private String decidedBy;
    private Boolean approved;

    @Column(name = "decision_comment")
    private String comment;

    private Instant decidedAt;
    private Instant createdAt;

    protected LifecycleRequest() {
    }

    LifecycleRequest(Long orderId, LifecycleKind kind, String requester, String reason, Instant now) {
        this.orderId = orderId;
        this.kind = kind;
        this.requester = requester;
        this.reason = reason;
        this.createdAt = now;
    }

    void startedAs(String processInstanceId) {
        if (this.processInstanceId != null) {
            throw new IllegalStateException("Lifecycle request " + id + " already runs as " + this.processInstanceId);
        }
        this.processInstanceId = processInstanceId;
    }

    /** An admin's decision on a reopening; never the requester's, and only once. */
    void decide(String user, Collection<String> userGroups, boolean approve, String decisionComment, Instant now) {
        if (kind != LifecycleKind.REOPEN) {
            throw new OrderStateException("Only a reopening is decided; this request closes order " + orderId);
        }
        if (user.equals(requester)) {
            throw new OrderStateException("You asked to reopen this order, so you may not approve it (" + user + ")");
        }
        if (!userGroups.contains(Actor.ADMINS)) {
            throw new OrderStateException("Only " + Actor.ADMINS + " may decide on reopening a closed order (" + user
                    + ")");
        }
        if (decidedBy != null) {
            throw new OrderStateException("The reopening was already decided by " + decidedBy);
        }
        decidedBy = user;
        approved = approve;
        comment = decisionComment;
        decidedAt = now;
    }

    /** Whether an admin other than the requester approved the reopening. */
    boolean isApproved() {
        return kind == LifecycleKind.REOPEN && Boolean.TRUE.equals(approved) && decidedBy != null
                && !decidedBy.equals(requester);
    }

    Long getId() {
        return id;
    }

    Long getOrderId() {
        return orderId;
    }

    LifecycleKind getKind() {
        return kind;
    }

    String getRequester() {
        return requester;
    }

    String getReason() {
        return reason;
    }

    String getProcessInstanceId() {
        return processInstanceId;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    String getComment() {
        return comment;
    }
}
