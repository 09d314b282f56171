package com.orderflow.report;

import java.time.Instant;

/** What a listing shows of a report, read without its file bytes. */
public record ReportSummary(Long id, ReportType type, String fileName, String contentType, long sizeBytes,
        Instant createdAt, Long requestId, Integer revision) {
}
