package com.orderflow.review;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/**
 * One run of the periodic review (定期审查) of closed orders: when and why it ran, how many orders it
 * scanned, how many findings of each kind it made, and its PDF and CSV reports. "Now" of a review is
 * {@code startedAt}, so a retried scan judges ages exactly as the first attempt did.
 */
@Entity
public class ClosedOrderReview {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "closed_order_review_seq")
    @SequenceGenerator(name = "closed_order_review_seq", sequenceName = "closed_order_review_seq",
            allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    private ReviewTrigger triggeredBy;

    private String startedBy;

    @Enumerated(EnumType.STRING)
    private ReviewStatus status;

    private String processInstanceId;
    private Instant startedAt;
    private Instant completedAt;
    private long ordersScanned;
    private long findingCount;
    private int storedFindingCount;
    private long invoiceMismatchCount;
    private long reissueOverdueCount;
    private long requestStuckCount;
    private long missingContractCount;
    private long undeliveredCount;
    private Long pdfReportId;
    private Long csvReportId;

    @Version
    private long version;

    protected ClosedOrderReview() {
    }

    ClosedOrderReview(ReviewTrigger triggeredBy, String startedBy, Instant startedAt) {
        this.triggeredBy = triggeredBy;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.status = ReviewStatus.RUNNING;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void scanned(ScanResult result, Long pdfReportId, Long csvReportId) {
        this.ordersScanned = result.ordersScanned();
        this.findingCount = result.findingCount();
        this.storedFindingCount = result.storedFindings();
        this.invoiceMismatchCount = result.count(FindingKind.INVOICE_TOTAL_MISMATCH);
        this.reissueOverdueCount = result.count(FindingKind.REISSUE_OVERDUE);
        this.requestStuckCount = result.count(FindingKind.REQUEST_STUCK);
        this.missingContractCount = result.count(FindingKind.MISSING_CONTRACT);
        this.undeliveredCount = result.count(FindingKind.UNDELIVERED);
        this.pdfReportId = pdfReportId;
        this.csvReportId = csvReportId;
        this.status = ReviewStatus.SCANNED;
    }

    void complete(Instant at) {
        if (status != ReviewStatus.COMPLETED) {
            this.status = ReviewStatus.COMPLETED;
            this.completedAt = at;
        }
    }

    boolean isScanned() {
        return status != ReviewStatus.RUNNING && pdfReportId != null && csvReportId != null;
    }

    public Map<FindingKind, Long> countsPerKind() {
        Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
        counts.put(FindingKind.INVOICE_TOTAL_MISMATCH, invoiceMismatchCount);
        counts.put(FindingKind.REISSUE_OVERDUE, reissueOverdueCount);
        counts.put(FindingKind.REQUEST_STUCK, requestStuckCount);
        counts.put(FindingKind.MISSING_CONTRACT, missingContractCount);
        counts.put(FindingKind.UNDELIVERED, undeliveredCount);
        return counts;
    }

    public Long getId() {
        return id;
    }

    public ReviewTrigger getTriggeredBy() {
        return triggeredBy;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public ReviewStatus getStatus() {
        return status;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public long getOrdersScanned() {
        return ordersScanned;
    }

    public long getFindingCount() {
        return findingCount;
    }

    public int getStoredFindingCount() {
        return storedFindingCount;
    }

    public Long getPdfReportId() {
        return pdfReportId;
    }

    public Long getCsvReportId() {
        return csvReportId;
    }
}
