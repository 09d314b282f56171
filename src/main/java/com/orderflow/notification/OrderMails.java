package com.orderflow.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The emails about an order, as others may read them: the order's API and its portal page show them,
 * after checking that the reader may read the order.
 */
@Service
public class OrderMails {

    public record MailView(Long id, String eventKey, String template, String recipient, String locale,
            String subject, NotificationState state, int attempts, String lastError, String messageId,
            Instant createdAt, Instant sentAt) {

        static MailView of(Notification n) {
            return new MailView(n.getId(), n.getEventKey(), n.getTemplate(), n.getRecipientEmail(), n.getLocale(),
                    n.getSubject(), n.getState(), n.getAttempts(), n.getLastError(), n.getMessageId(),
                    n.getCreatedAt(), n.getSentAt());
        }
    }

    private final NotificationOutbox outbox;
    private final NotificationRepository notifications;

    OrderMails(NotificationOutbox outbox, NotificationRepository notifications) {
        this.outbox = outbox;
        this.notifications = notifications;
    }

    /** Every email about the order, oldest first. */
    public List<MailView> forOrder(Long orderId) {
        return outbox.forOrder(orderId).stream().map(MailView::of).toList();
    }

    /** The newest emails about the order, newest first, at most {@code limit}: what a page shows. */
    @Transactional(readOnly = true)
    public List<MailView> newestForOrder(Long orderId, int limit) {
        return notifications.findByOrderIdOrderByIdDesc(orderId, Limit.of(limit)).stream().map(MailView::of).toList();
    }
}
