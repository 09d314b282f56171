package com.orderflow.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.orderflow.shared.MailEvent;

/**
 * The notification rows, each attempt at an event committed in a transaction of its own (never the
 * caller's), so what was sent stays recorded as sent even when the job that sent it fails or is retried.
 */
@Component
class NotificationOutbox {

    /** How one row's attempt went; {@code error} is null when it was sent. */
    record Attempt(Long notificationId, RuntimeException error) {
    }

    /** Sends rows, returning the error of each row that was not sent (none: all were). */
    interface Delivery {
        Map<Long, RuntimeException> send(List<Notification> rows);
    }

    private final NotificationRepository notifications;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate reading;
    private final Clock clock;

    NotificationOutbox(NotificationRepository notifications, PlatformTransactionManager transactions, Clock clock) {
        this.notifications = notifications;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * One attempt at an event's emails: adds a PENDING row for every recipient the event has none for
     * yet, sends the event's PENDING rows and records each one's outcome (SENT, or the failure), all in
     * one transaction. Rows sent before, here or by another node, are left alone. If the node dies while
     * sending, the attempt leaves nothing behind and the retry sends again under the same Message-IDs.
     */
    List<Attempt> attempt(MailEvent event, List<Recipient> recipients, Function<Recipient, String> subject,
            Delivery delivery) {
        List<Attempt> attempts = ownTransaction.execute(status -> {
            List<Notification> rows = new ArrayList<>(notifications.lockEvent(event.eventKey()));
            Set<String> known = rows.stream().map(n -> n.getRecipientEmail().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            for (Recipient recipient : recipients) {
                if (known.add(recipient.email().toLowerCase(Locale.ROOT))) {
                    rows.add(notifications.save(
                            new Notification(event, recipient, subject.apply(recipient), clock.instant())));
                }
            }
            // New rows reach the unique index before anything is sent: a concurrent first attempt at
            // the same event waits there and then fails, instead of mailing the same people.
            notifications.flush();
            List<Notification> pending = rows.stream().filter(Notification::isPending).toList();
            return pending.isEmpty() ? List.<Attempt>of() : settle(pending, failuresOf(pending, delivery));
        });
        return attempts == null ? List.of() : attempts;
    }

    private List<Attempt> settle(List<Notification> rows, Map<Long, RuntimeException> failures) {
        return rows.stream().map(row -> {
            RuntimeException error = failures.get(row.getId());
            if (error == null) {
                row.markSent(clock.instant());
            } else {
                row.recordFailure(describe(error));
            }
            return new Attempt(row.getId(), error);
        }).toList();
    }

    /** A delivery that throws failed for every row it was given. */
    private static Map<Long, RuntimeException> failuresOf(List<Notification> rows, Delivery delivery) {
        try {
            return delivery.send(rows);
        } catch (RuntimeException e) {
            return rows.stream().collect(Collectors.toMap(Notification::getId, row -> e));
        }
    }

    List<Notification> forOrder(Long orderId) {
        return reading.execute(status -> notifications.findByOrderIdOrderByIdAsc(orderId));
    }

    /** The message of the error and of its causes, which is where the mail server's reason is. */
    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < 4000; t = t.getCause() == t ? null : t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.toString();
    }
}
