package com.orderflow.modification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

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

    public String getComment() {
        return comment;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
