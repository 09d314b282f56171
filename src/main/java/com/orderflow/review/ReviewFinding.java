package com.orderflow.review;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** One anomaly of one closed order, found by one review. */
@Entity
public class ReviewFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_finding_seq")
    @SequenceGenerator(name = "review_finding_seq", sequenceName = "review_finding_seq", allocationSize = 50)
    private Long id;

    private Long reviewId;
    private Long orderId;
    private String orderNumber;
    private String owner;

    @Enumerated(EnumType.STRING)
    private FindingKind kind;

    private String detail;
    private BigDecimal severity;

    @Enumerated(EnumType.STRING)
    private FindingStatus status;

    private String decidedBy;
    private Instant decidedAt;

    protected ReviewFinding() {
    }

    ReviewFinding(Long reviewId, Finding finding) {
        this.reviewId = reviewId;
        this.orderId = finding.orderId();
        this.orderNumber = finding.orderNumber();
        this.owner = finding.owner();
        this.kind = finding.kind();
        this.detail = finding.detail().length() > 500 ? finding.detail().substring(0, 500) : finding.detail();
        this.severity = finding.severity();
        this.status = FindingStatus.OPEN;
    }

    void decide(FindingStatus outcome, String by, Instant at) {
        if (status != FindingStatus.OPEN) {
            return;
        }
        this.status = outcome;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getReviewId() {
        return reviewId;
    }

    public Long getOrderId() {
        return orderId;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public String getOwner() {
        return owner;
    }

    public FindingKind getKind() {
        return kind;
    }

    public String getDetail() {
        return detail;
    }

    public BigDecimal getSeverity() {
        return severity;
    }

    public FindingStatus getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
