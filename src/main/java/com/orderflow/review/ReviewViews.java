package com.orderflow.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What GET /api/reviews and GET /api/reviews/{id} answer. */
public final class ReviewViews {

    private ReviewViews() {
    }

    public record Reports(Long pdfReportId, Long csvReportId, String pdfUrl, String csvUrl) {

        static Reports of(ClosedOrderReview review) {
            return new Reports(review.getPdfReportId(), review.getCsvReportId(), url(review.getPdfReportId()),
                    url(review.getCsvReportId()));
        }

        private static String url(Long id) {
            return id == null ? null : "/api/reports/" + id;
        }
    }

    public record ReviewSummary(Long id, ReviewStatus status, ReviewTrigger triggeredBy, String startedBy,
            Instant startedAt, Instant completedAt, String processInstanceId, long ordersScanned, long findingCount,
            Map<FindingKind, Long> countsPerKind, Reports reports) {

        static ReviewSummary of(ClosedOrderReview r) {
            return new ReviewSummary(r.getId(), r.getStatus(), r.getTriggeredBy(), r.getStartedBy(), r.getStartedAt(),
                    r.getCompletedAt(), r.getProcessInstanceId(), r.getOrdersScanned(), r.getFindingCount(),
                    r.countsPerKind(), Reports.of(r));
        }
    }

    public record FindingView(Long id, Long orderId, String orderNumber, String owner, FindingKind kind,
            String detail, BigDecimal severity, FindingStatus status, String decidedBy, Instant decidedAt) {

        static FindingView of(ReviewFinding f) {
            return new FindingView(f.getId(), f.getOrderId(), f.getOrderNumber(), f.getOwner(), f.getKind(),
                    f.getDetail(), f.getSeverity(), f.getStatus(), f.getDecidedBy(), f.getDecidedAt());
        }
    }

    /**
     * A review with its stored findings. {@code storedFindingCount} may be less than {@code findingCount}
     * for a very large review: the CSV report holds every finding.
     */
    public record ReviewDetail(ReviewSummary review, int storedFindingCount, List<FindingView> findings) {

        static ReviewDetail of(ClosedOrderReview review, List<ReviewFinding> findings) {
            return new ReviewDetail(ReviewSummary.of(review), review.getStoredFindingCount(),
                    findings.stream().map(FindingView::of).toList());
        }
    }
}
