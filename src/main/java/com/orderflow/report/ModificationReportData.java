package com.orderflow.report;

import java.time.Instant;
import java.util.List;

/** What the PDF report of an applied modification shows. */
public record ModificationReportData(
        Long orderId,
        Long requestId,
        String orderNumber,
        String customerName,
        String currency,
        String requester,
        String reason,
        String description,
        Instant requestedAt,
        Instant appliedAt,
        int revisionBefore,
        int revisionAfter,
        List<ChangeRow> changes,
        List<ApprovalRow> approvals) {

    public record ChangeRow(String field, String before, String after) {
    }

    public record ApprovalRow(String group, String user, String decision, String comment, Instant decidedAt) {
    }
}
