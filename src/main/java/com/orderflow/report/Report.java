package com.orderflow.report;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A generated file (PDF or CSV) kept for download and mail attachments. Written once, never changed. */
@Entity
public class Report {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_seq")
    @SequenceGenerator(name = "report_seq", sequenceName = "report_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    private ReportType type;

    private String dedupKey;
    private Long orderId;
    private Long requestId;
    private Long reviewId;
    private Integer revision;
    private String fileName;
    private String contentType;
    private byte[] content;
    private long sizeBytes;
    private Instant createdAt;

    protected Report() {
    }

    Report(ReportType type, String dedupKey, ReportOwners owners, String fileName, String contentType,
            byte[] content, Instant createdAt) {
        this.type = type;
        this.dedupKey = dedupKey;
        this.orderId = owners.orderId();
        this.requestId = owners.requestId();
        this.reviewId = owners.reviewId();
        this.revision = owners.revision();
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = content.clone();
        this.sizeBytes = content.length;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public ReportType getType() {
        return type;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public Long getOrderId() {
        return orderId;
    }

    public Long getRequestId() {
        return requestId;
    }

    public Long getReviewId() {
        return reviewId;
    }

    public Integer getRevision() {
        return revision;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
