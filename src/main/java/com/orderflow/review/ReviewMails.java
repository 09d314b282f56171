package com.orderflow.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.orderflow.shared.MailEvent;
import com.orderflow.shared.MailLinks;
import com.orderflow.process.ProcessMail;
import com.orderflow.process.ProcessMails;
import com.orderflow.shared.Actor;

/**
 * The review's emails, sent by the BPMN's email step behind async boundaries with retries:
 * {@code ${orderflowMail.send(execution, 'review-report')}} mails the PDF to the sales managers, and
 * {@code ${orderflowMail.send(execution, 'review-fix-requested')}} asks each owner of a FIX_REQUESTED order
 * to file a modification request. Idempotent per event key, so a retry mails nobody twice.
 */
@Component("reviewMails")
class ReviewMails implements ProcessMails {

    static final String REPORT_TEMPLATE = "review-report";
    static final String FIX_TEMPLATE = "review-fix-requested";

    private final ReviewService reviews;
    private final ApplicationEventPublisher events;
    private final MailLinks links;

    ReviewMails(ReviewService reviews, ApplicationEventPublisher events, MailLinks links) {
        this.reviews = reviews;
        this.events = events;
        this.links = links;
    }

    @Override
    public Set<String> templates() {
        return Set.of(REPORT_TEMPLATE, FIX_TEMPLATE);
    }

    @Override
    public Set<String> valuesRead() {
        return Set.of();
    }

    @Override
    public void send(ProcessMail mail) {
        switch (mail.template()) {
            case REPORT_TEMPLATE -> sendReport(mail.processInstanceId());
            case FIX_TEMPLATE -> sendFixRequests(mail.processInstanceId());
            default -> throw new IllegalArgumentException("No such review email: " + mail.template());
        }
    }

    private void sendReport(String processInstanceId) {
        Long reviewId = reviews.reviewOf(processInstanceId);
        ClosedOrderReview review = reviews.review(reviewId);
        Map<String, Object> model = new HashMap<>(Map.of("reviewId", reviewId, "findingCount",
                review.getFindingCount()));
        // Findings open a task for the sales managers; a clean review asks nothing of them.
        if (review.getFindingCount() > 0) {
            model.put("actionUrl", links.task(processInstanceId, null));
        }
        events.publishEvent(new MailEvent("review-" + reviewId + "-report", null, null, REPORT_TEMPLATE, Set.of(),
                Set.of(Actor.SALES_MANAGERS), model, review.getPdfReportId()));
    }

    private void sendFixRequests(String processInstanceId) {
        Long reviewId = reviews.reviewOf(processInstanceId);
        reviews.fixRequested(reviewId).forEach((orderId, findings) -> {
            ReviewFinding first = findings.get(0);
            List<Map<String, Object>> rows = findings.stream()
                    .map(f -> Map.<String, Object>of("kind", f.getKind().label(), "detail", f.getDetail())).toList();
            events.publishEvent(new MailEvent("review-" + reviewId + "-fix-" + orderId, orderId, null, FIX_TEMPLATE,
                    Set.of(first.getOwner()), Set.of(), Map.of("reviewId", reviewId, "orderId", orderId,
                            "orderNumber", first.getOrderNumber(), "findings", rows,
                            "actionUrl", links.modify(orderId), "orderUrl", links.order(orderId)),
                    null));
        });
    }
}
