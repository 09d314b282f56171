package com.orderflow.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.order.OrderAccess;
import com.orderflow.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The emails sent (or still to be sent) about an order, for whoever may read the order. */
@RestController
@Tag(name = "Notifications", description = "The emails orderflow sent, or is sending, about an order.")
class NotificationController {

    record NotificationView(Long id, String eventKey, String template, String recipient, String locale,
            String subject, NotificationState state, int attempts, String lastError, String messageId,
            Instant createdAt, Instant sentAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getEventKey(), n.getTemplate(), n.getRecipientEmail(),
                    n.getLocale(), n.getSubject(), n.getState(), n.getAttempts(), n.getLastError(),
                    n.getMessageId(), n.getCreatedAt(), n.getSentAt());
        }
    }

    private final NotificationOutbox outbox;
    private final OrderAccess access;

    NotificationController(NotificationOutbox outbox, OrderAccess access) {
        this.outbox = outbox;
        this.access = access;
    }

    @Operation(operationId = "listNotifications", summary = "List an order's emails",
            description = "Every email about the order: recipient, language, template, state, attempts, last error "
                    + "and Message-ID.")
    @GetMapping("/api/orders/{orderId}/notifications")
    List<NotificationView> list(@PathVariable Long orderId, Actor actor) {
        access.readable(orderId, actor);
        return outbox.forOrder(orderId).stream().map(NotificationView::of).toList();
    }
}
