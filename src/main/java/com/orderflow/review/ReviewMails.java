package com.orderflow.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.orderflow.notification.MailEvent;
import com.orderflow.notification.MailLinks;
import com.orderflow.notification.NotificationService;
import com.orderflow.shared.Actor;

/**
 * The review's emails, called from the BPMN behind async boundaries with retries:
 * {@code ${reviewMails.sendReport(execution)}} mails the PDF to the sales managers, and
 * {@code ${reviewMails.sendFixRequests(execution)}} asks each owner of a FIX_REQUESTED order to file
 * a modification request. Idempotent per event key, so a retry mails nobody twice.
 */
@Component("reviewMails")
public class ReviewMails {

    static final String REPORT_TEMPLATE = "review-report";
    static final String FIX_TEMPLATE = "review-fix-requested";

    private final ReviewService reviews;
    private final NotificationService notifications;
    private final MailLinks links;

    ReviewMails(ReviewService reviews, NotificationService notifications, MailLinks links) {
        this.reviews = reviews;
        this.notifications = notifications;
        this.links = links;
    }

    public void sendReport(DelegateExecution execution) {
        Long reviewId = reviews.reviewOf(execution.getProcessInstanceId());
        ClosedOrderReview review = reviews.review(reviewId);
        Map<String, Object> model = new HashMap<>(Map.of("reviewId", reviewId, "findingCount",
                review.getFindingCount()));
        // Findings open a task for the sales managers; a clean review asks nothing of them.
        if (review.getFindingCount() > 0) {
            model.put("actionUrl", links.task(execution.getProcessInstanceId(), null));
        }
        notifications.notify(new MailEvent("review-" + reviewId + "-report", null, null, REPORT_TEMPLATE, Set.of(),
                Set.of(Actor.SALES_MANAGERS), model, review.getPdfReportId()));
    }

    public void sendFixRequests(DelegateExecution execution) {
        Long reviewId = reviews.reviewOf(execution.getProcessInstanceId());
        reviews.fixRequested(reviewId).forEach((orderId, findings) -> {
            ReviewFinding first = findings.get(0);
            List<Map<String, Object>> rows = findings.stream()
                    .map(f -> Map.<String, Object>of("kind", f.getKind().label(), "detail", f.getDetail())).toList();
            notifications.notify(new MailEvent("review-" + reviewId + "-fix-" + orderId, orderId, null, FIX_TEMPLATE,
                    Set.of(first.getOwner()), Set.of(), Map.of("reviewId", reviewId, "orderId", orderId,
                            "orderNumber", first.getOrderNumber(), "findings", rows,
                            "actionUrl", links.modify(orderId), "orderUrl", links.order(orderId)),
                    null));
        });
    }
}
