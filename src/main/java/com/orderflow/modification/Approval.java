package com.orderflow.modification;

import java.time.Instant;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import com.orderflow.shared.Actor;

/** One approver's decision on one round of a request. */
@Embeddable
public class Approval {

    private int round;

    @Column(name = "group_id")
    private String groupId;

    @Column(name = "user_id")
    private String userId;

    private String decision;
    private String comment;
    private Instant decidedAt;

    /** The group of a decision on an escalated approval, which stands for every group of its round. */
    static final String ESCALATED = "sales-managers (escalated)";
    static final Set<String> ESCALATION_GROUPS = Set.of(Actor.SALES_MANAGERS, Actor.ADMINS);

    protected Approval() {
    }

    Approval(int round, String groupId, String userId, boolean approved, String comment, Instant decidedAt) {
        this.round = round;
        this.groupId = groupId;
        this.userId = userId;
        this.decision = approved ? "APPROVED" : "REJECTED";
        this.comment = comment;
        this.decidedAt = decidedAt;
    }

    public int getRound() {
        return round;
    }

    public String getGroupId() {
        return groupId;
    }

    public String getUserId() {
        return userId;
    }

    public String getDecision() {
        return decision;
    }

    boolean isApproved() {
        return "APPROVED".equals(decision);
    }

    public String getComment() {
        return comment;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
