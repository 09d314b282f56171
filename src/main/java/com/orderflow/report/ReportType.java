package com.orderflow.report;

/** What a stored report is about; the file format follows from it. */
public enum ReportType {
    MODIFICATION,
    CLOSING,
    REVIEW_PDF,
    REVIEW_CSV,
    INVOICE,
    CREDIT_NOTE
}
