package com.orderflow.review;

/** The key and variables of closed-order-review.bpmn and its review-findings form. */
final class ReviewVariables {

    static final String KEY = "closed-order-review";

    static final String REVIEW_ID = "reviewId";
    static final String FINDING_COUNT = "findingCount";
    static final String PDF_REPORT_ID = "pdfReportId";
    static final String CSV_REPORT_ID = "csvReportId";
    /** Read-only text of the findings for the form (bounded, the PDF and CSV have the rest). */
    static final String FINDING_SUMMARY = "findingSummary";
    /** The task's outcome: order ids whose findings need a fix (comma separated text, or a list). */
    static final String FIX_REQUESTS = "fixRequests";
    static final String REVIEW_FINDINGS_TASK = "review-findings";
    /** Where an admin's run starts (the diagram's start event is the weekly timer). */
    static final String SCAN_ACTIVITY = "scan-closed-orders";

    private ReviewVariables() {
    }
}
