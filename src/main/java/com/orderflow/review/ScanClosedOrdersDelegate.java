package com.orderflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Scans every closed order, writes the PDF and CSV, and hands the counts and the form's summary on. */
@Component("scanClosedOrdersDelegate")
class ScanClosedOrdersDelegate implements JavaDelegate {

    private final ReviewService reviews;

    ScanClosedOrdersDelegate(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long reviewId = reviews.reviewOf(execution.getProcessInstanceId());
        ReviewService.Scanned scanned = reviews.scan(reviewId);
        execution.setVariable(ReviewVariables.FINDING_COUNT, scanned.findingCount());
        execution.setVariable(ReviewVariables.PDF_REPORT_ID, scanned.pdfReportId());
        execution.setVariable(ReviewVariables.CSV_REPORT_ID, scanned.csvReportId());
        execution.setVariable(ReviewVariables.FINDING_SUMMARY, scanned.summary());
    }
}
