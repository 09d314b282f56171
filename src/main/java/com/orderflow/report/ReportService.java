package com.orderflow.report;

import org.springframework.stereotype.Service;

/** SKELETON: the report helper replaces this with the real store and PDF writer. */
@Service
public class ReportService {

    /** Writes and stores the modification report; idempotent per request (a retry returns the same id). */
    public Long storeModificationReport(ModificationReportData data) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Writes and stores the closing report; idempotent per order and revision. */
    public Long storeClosingReport(ClosingReportData data) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
