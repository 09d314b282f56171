package com.orderflow.report;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and keeps reports. Every report has a dedup key, so the job that asks for it may be retried
 * (Camunda retries failed jobs) without a second file appearing: the retry gets the stored id back
 * and the PDF is not even rendered again.
 */
@Service
public class ReportService {

    static final String PDF = "application/pdf";

    private final ReportRepository reports;
    private final PdfReportWriter pdf;
    private final BillingPdfWriter billingPdf;
    private final Clock clock;

    ReportService(ReportRepository reports, PdfReportWriter pdf, BillingPdfWriter billingPdf, Clock clock) {
        this.reports = reports;
        this.pdf = pdf;
        this.billingPdf = billingPdf;
        this.clock = clock;
    }

    /** Writes and stores the modification report; idempotent per request (a retry returns the same id). */
    @Transactional
    public Long storeModificationReport(ModificationReportData data) {
        String key = "modification-" + data.requestId();
        ReportOwners owners = new ReportOwners(data.orderId(), data.requestId(), null, data.revisionAfter());
        String fileName = data.orderNumber() + "-modification-" + data.requestId() + ".pdf";
        return storeOnce(ReportType.MODIFICATION, key, owners, fileName, PDF, () -> pdf.modification(data));
    }

    /** Writes and stores the closing report; idempotent per order and revision. */
    @Transactional
    public Long storeClosingReport(ClosingReportData data) {
        String key = "closing-" + data.orderId() + "-r" + data.revision();
        ReportOwners owners = new ReportOwners(data.orderId(), null, null, data.revision());
        String fileName = data.orderNumber() + "-closing-r" + data.revision() + ".pdf";
        return storeOnce(ReportType.CLOSING, key, owners, fileName, PDF, () -> pdf.closing(data));
    }

    /**
     * Writes and stores the PDF of an issued invoice or credit note; idempotent per document number.
     * Joins the caller's transaction on purpose: the document and its PDF are issued together or not
     * at all, so no PDF exists of a document whose issuing rolled back.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Long storeBillingDocument(BillingDocumentData data) {
        String key = (data.isCreditNote() ? "credit-note-" : "invoice-") + data.documentNumber();
        ReportOwners owners = new ReportOwners(data.orderId(), null, null, null);
        String fileName = data.documentNumber() + ".pdf";
        return storeOnce(data.type(), key, owners, fileName, PDF, () -> billingPdf.document(data));
    }

    /**
     * Stores a file written elsewhere (the periodic review's PDF and CSV); idempotent by {@code dedupKey}:
     * when a report with that key exists, its id is returned and {@code content} is ignored.
     */
    @Transactional
    public Long store(ReportType type, Long orderId, Long requestId, Long reviewId, String dedupKey, String fileName,
            String contentType, byte[] content) {
        ReportOwners owners = new ReportOwners(orderId, requestId, reviewId, null);
        return storeOnce(type, dedupKey, owners, fileName, contentType, () -> content);
    }

    @Transactional(readOnly = true)
    public Optional<Report> find(Long id) {
        return reports.findById(id);
    }

    /** Every report of an order, oldest first, file bytes included (listings read {@link #summariesForOrder}). */
    @Transactional(readOnly = true)
    public List<Report> forOrder(Long orderId) {
        return reports.findByOrderIdOrderByIdAsc(orderId);
    }

    /** The order's reports without their file bytes, for lists (the order page read every PDF before). */
    @Transactional(readOnly = true)
    public List<ReportSummary> summariesForOrder(Long orderId) {
        return reports.summariesForOrder(orderId);
    }

    // Two jobs racing on one key is prevented by Camunda's job lock; should it still happen, the unique
    // dedup_key makes the second insert fail, and that job's retry then finds the first one's report.
    private Long storeOnce(ReportType type, String dedupKey, ReportOwners owners, String fileName,
            String contentType, Supplier<byte[]> content) {
        requireText(dedupKey, "dedupKey");
        requireText(fileName, "fileName");
        requireText(contentType, "contentType");
        Optional<Report> existing = reports.findByDedupKey(dedupKey);
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        byte[] bytes = content.get();
        if (bytes == null) {
            throw new IllegalArgumentException("A report needs content");
        }
        Report report = new Report(type, dedupKey, owners, fileName, contentType, bytes, clock.instant());
        return reports.saveAndFlush(report).getId();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A report needs a " + name);
        }
    }
}
