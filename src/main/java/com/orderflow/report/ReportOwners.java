package com.orderflow.report;

/** What a report belongs to; any of these may be null (a review report has no order). */
record ReportOwners(Long orderId, Long requestId, Long reviewId, Integer revision) {
}
