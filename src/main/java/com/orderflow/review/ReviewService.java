package com.orderflow.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.report.ReportService;
import com.orderflow.report.ReportType;
import com.orderflow.shared.Actor;
import com.orderflow.shared.NotFoundException;

/** Starts reviews, runs their scan, records the sales managers' decisions, and shows reviews. */
@Service
public class ReviewService {

    /** What a start answers: the review and the process instance running it. */
    public record Started(Long reviewId, String processInstanceId) {
    }

    /** What the scan step hands to the process. */
    record Scanned(long findingCount, Long pdfReportId, Long csvReportId, String summary) {
    }

    static final int SUMMARY_LIMIT = 3500;

    private final ClosedOrderReviewRepository reviews;
    private final ReviewFindingRepository findings;
    private final ClosedOrderScanner scanner;
    private final ReviewPdfWriter pdf;
    private final ReportService reports;
    private final ReviewProperties properties;
    private final RuntimeService runtime;
    private final Clock clock;

    ReviewService(ClosedOrderReviewRepository reviews, ReviewFindingRepository findings, ClosedOrderScanner scanner,
            ReviewPdfWriter pdf, ReportService reports, ReviewProperties properties, RuntimeService runtime,
            Clock clock) {
        this.reviews = reviews;
        this.findings = findings;
        this.scanner = scanner;
        this.pdf = pdf;
        this.reports = reports;
        this.properties = properties;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** An admin runs the review now, besides the weekly timer. */
    @Transactional
    public Started startNow(Actor actor) {
        if (!actor.isMemberOf(Actor.ADMINS)) {
            throw new AccessDeniedException("Only admins may start a review");
        }
        ClosedOrderReview review = reviews.saveAndFlush(
                new ClosedOrderReview(ReviewTrigger.MANUAL, actor.userId(), clock.instant()));
        // The diagram's only start event is the weekly timer, whose first step makes the review row; an admin's
        // run has its row already and starts at the (asynchronous) scan, so the link is stored before any step.
        ProcessInstance instance = runtime.createProcessInstanceByKey(ReviewVariables.KEY)
                .businessKey("review-" + review.getId()).setVariables(Map.of(ReviewVariables.REVIEW_ID, review.getId()))
                .startBeforeActivity(ReviewVariables.SCAN_ACTIVITY).execute();
        review.startedAs(instance.getId());
        return new Started(review.getId(), instance.getId());
    }

    /** The review of a process instance, from the link stored when the review was opened. */
    @Transactional(readOnly = true)
    Long reviewOf(String processInstanceId) {
        return reviews.findIdByProcessInstanceId(processInstanceId).orElseThrow(() -> new IllegalStateException(
                "Process instance " + processInstanceId + " is the process of no review"));
    }

    /** The timer started the process: the review row is made here (once; a retried step finds it). */
    @Transactional
    Long openScheduled(String processInstanceId) {
        Optional<Long> opened = reviews.findIdByProcessInstanceId(processInstanceId);
        if (opened.isPresent()) {
            return opened.get();
        }
        ClosedOrderReview review = new ClosedOrderReview(ReviewTrigger.SCHEDULE, null, clock.instant());
        review.startedAs(processInstanceId);
        return reviews.saveAndFlush(review).getId();
    }

    /**
     * Scans every closed order and stores the PDF and CSV. Idempotent: a review already scanned is not
     * scanned again, and a retry after a failure starts over (its findings of the failed attempt were
     * rolled back with it).
     */
    @Transactional
    Scanned scan(Long reviewId) {
        ClosedOrderReview review = load(reviewId);
        if (!review.isScanned()) {
            findings.deleteByReview(reviewId);
            ScanResult result = scanner.scan(reviewId, review.getStartedAt());
            Long csvId;
            Long pdfId;
            try {
                byte[] csv = Files.readAllBytes(result.csvFile());
                csvId = reports.store(ReportType.REVIEW_CSV, null, null, reviewId, "review-" + reviewId + "-csv",
                        "closed-order-review-" + reviewId + ".csv", "text/csv", csv);
            } catch (IOException e) {
                throw new UncheckedIOException("The review CSV could not be read back", e);
            } finally {
                ClosedOrderScanner.deleteQuietly(result.csvFile());
            }
            review = load(reviewId);
            pdfId = reports.store(ReportType.REVIEW_PDF, null, null, reviewId, "review-" + reviewId + "-pdf",
                    "closed-order-review-" + reviewId + ".pdf", "application/pdf",
                    pdf.write(review, result, properties));
            review = load(reviewId);
            review.scanned(result, pdfId, csvId);
        }
        return new Scanned(review.getFindingCount(), review.getPdfReportId(), review.getCsvReportId(),
                summary(review));
    }

    /**
     * The outcome of the review-findings task: findings of the orders in {@code fixOrderIds} become
     * FIX_REQUESTED, every other open one ACKNOWLEDGED. Returns the order ids that were asked to be fixed.
     */
    @Transactional
    Set<Long> recordOutcomes(Long reviewId, Collection<Long> fixOrderIds, String decidedBy) {
        ClosedOrderReview review = load(reviewId);
        Set<Long> fix = new LinkedHashSet<>();
        for (ReviewFinding finding : findings.findByReviewIdOrderById(reviewId)) {
            boolean fixIt = fixOrderIds.contains(finding.getOrderId());
            finding.decide(fixIt ? FindingStatus.FIX_REQUESTED : FindingStatus.ACKNOWLEDGED, decidedBy,
                    clock.instant());
            if (finding.getStatus() == FindingStatus.FIX_REQUESTED) {
                fix.add(finding.getOrderId());
            }
        }
        review.complete(clock.instant());
        return fix;
    }

    @Transactional(readOnly = true)
    public List<ReviewViews.ReviewSummary> list(int page, int size, Actor actor) {
        requireOverseer(actor);
        return reviews.findAllByOrderByIdDesc(PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 100)))
                .map(ReviewViews.ReviewSummary::of).getContent();
    }

    @Transactional(readOnly = true)
    public ReviewViews.ReviewDetail find(Long id, Actor actor) {
        requireOverseer(actor);
        ClosedOrderReview review = load(id);
        return ReviewViews.ReviewDetail.of(review, findings.findByReviewIdOrderById(id));
    }

    @Transactional(readOnly = true)
    ClosedOrderReview review(Long id) {
        return load(id);
    }

    /** FIX_REQUESTED findings of a review, by order. */
    @Transactional(readOnly = true)
    Map<Long, List<ReviewFinding>> fixRequested(Long reviewId) {
        Map<Long, List<ReviewFinding>> byOrder = new LinkedHashMap<>();
        for (ReviewFinding finding : findings.findByReviewIdOrderById(reviewId)) {
            if (finding.getStatus() == FindingStatus.FIX_REQUESTED) {
                byOrder.computeIfAbsent(finding.getOrderId(), id -> new ArrayList<>()).add(finding);
            }
        }
        return byOrder;
    }

    private String summary(ClosedOrderReview review) {
        StringBuilder text = new StringBuilder();
        List<ReviewFinding> stored = findings.findByReviewIdOrderById(review.getId());
        int shown = 0;
        for (ReviewFinding f : stored) {
            String line = "[" + f.getOrderId() + "] " + f.getOrderNumber() + " (" + f.getOwner() + ") "
                    + f.getKind().label() + ": " + f.getDetail() + "\n";
            if (text.length() + line.length() > SUMMARY_LIMIT) {
                break;
            }
            text.append(line);
            shown++;
        }
        if (review.getFindingCount() > shown) {
            long more = review.getFindingCount() - shown;
            text.append("…… 另有 ").append(more).append(" 项，见审查 #").append(review.getId())
                    .append(" 的 PDF 和 CSV 报告 / ").append(more).append(" more: see the PDF and CSV reports of review #")
                    .append(review.getId());
        }
        return text.toString();
    }

    private static void requireOverseer(Actor actor) {
        if (!actor.isMemberOf(Actor.SALES_MANAGERS) && !actor.isMemberOf(Actor.ADMINS)
                && !actor.isMemberOf(Actor.FINANCE)) {
            throw new AccessDeniedException("Only sales managers, finance and admins may read reviews");
        }
    }

    private ClosedOrderReview load(Long id) {
        return reviews.findById(id).orElseThrow(() -> new NotFoundException("Review", id));
    }
}
