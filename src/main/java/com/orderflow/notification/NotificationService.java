package com.orderflow.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import com.orderflow.notification.MailAttachments.Attachment;
import com.orderflow.notification.MailRenderer.RenderedMail;
import com.orderflow.notification.NotificationOutbox.Attempt;
import com.orderflow.shared.MailDeliveryException;
import com.orderflow.shared.MailEvent;

/**
 * Emails the people of a business event, each in their language, at most once per event and
 * recipient. Safe to call again with the same event (that is what a retried job does).
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final RecipientResolver recipients;
    private final MailRenderer renderer;
    private final NotificationOutbox outbox;
    private final NotificationMailer mailer;
    private final ObjectProvider<MailAttachments> attachments;

    NotificationService(RecipientResolver recipients, MailRenderer renderer, NotificationOutbox outbox,
            NotificationMailer mailer, ObjectProvider<MailAttachments> attachments) {
        this.recipients = recipients;
        this.renderer = renderer;
        this.outbox = outbox;
        this.mailer = mailer;
        this.attachments = attachments;
    }

    /**
     * Records one Notification row per recipient (once per eventKey) and sends every one still PENDING,
     * in one transaction of its own. Throws {@link MailDeliveryException} when any could not be sent, so
     * the calling job is retried; rows already SENT are never sent again.
     * <p>
     * The features publish their {@link MailEvent}s rather than call this: it runs at once on the
     * publishing thread, so the caller sees the same exception, and notification is a module no feature
     * needs to know.
     */
    @EventListener
    public void notify(MailEvent event) {
        if (event.eventKey() == null || event.eventKey().isBlank()) {
            throw new IllegalArgumentException("A mail event needs an eventKey");
        }
        Map<String, Object> model = event.model() == null ? Map.of() : event.model();
        // Every recipient of an event gets the same text in their language: render once per language.
        Map<Locale, RenderedMail> rendered = new HashMap<>();
        Function<Locale, RenderedMail> inLanguage = locale -> rendered.computeIfAbsent(locale,
                l -> renderer.render(event.template(), l, model));
        List<Recipient> people = recipients.resolve(event.recipientUserIds(), event.recipientGroupIds());
        if (people.isEmpty()) {
            log.warn("Event {} ({}) has no recipient with an email address", event.eventKey(), event.template());
        }
        List<Attempt> attempts = attempt(event, people, inLanguage);
        List<Attempt> failed = attempts.stream().filter(a -> a.error() != null).toList();
        failed.forEach(a -> log.warn("Notification {} of event {} not sent: {}", a.notificationId(), event.eventKey(),
                a.error().toString()));
        if (!failed.isEmpty()) {
            throw new MailDeliveryException(failed.size() + " of " + attempts.size() + " emails of event "
                    + event.eventKey() + " could not be sent; they stay PENDING for the retry. First error: "
                    + failed.get(0).error().getMessage(), failed.get(0).error());
        }
        if (!attempts.isEmpty()) {
            log.info("Sent {} email(s) of event {} ({})", attempts.size(), event.eventKey(), event.template());
        }
    }

    private List<Attempt> attempt(MailEvent event, List<Recipient> people, Function<Locale, RenderedMail> inLanguage) {
        Function<Recipient, String> subject = r -> inLanguage.apply(r.locale()).subject();
        NotificationOutbox.Delivery delivery = rows -> mailer.send(rows, row -> inLanguage.apply(row.locale()),
                attachedFor(event, rows));
        try {
            return outbox.attempt(event, people, subject, delivery);
        } catch (DataIntegrityViolationException concurrent) {
            // Another node attempted the same event at the same moment; its rows are committed now.
            return outbox.attempt(event, people, subject, delivery);
        }
    }

    /** The report goes only to the recipients who may read it; the others get the email without it. */
    private Function<Notification, Optional<Attachment>> attachedFor(MailEvent event, List<Notification> rows) {
        Optional<Attachment> attachment = attachment(event);
        if (attachment.isEmpty()) {
            return row -> Optional.empty();
        }
        Set<String> readers = attachments.getObject().readersAmong(attachment.get(),
                rows.stream().map(Notification::getRecipientUserId).toList());
        return row -> readers.contains(row.getRecipientUserId()) ? attachment : Optional.empty();
    }

    /**
     * A report id with nothing to attach is a bug or a lost report: fail loudly, never mail without it.
     * So is a report of another order than the email's: an email attaches only its own order's report.
     */
    private Optional<Attachment> attachment(MailEvent event) {
        if (event.attachmentReportId() == null) {
            return Optional.empty();
        }
        MailAttachments store = attachments.getIfAvailable();
        if (store == null) {
            throw new IllegalStateException("Event " + event.eventKey() + " attaches report "
                    + event.attachmentReportId() + " but no MailAttachments implementation is installed");
        }
        Attachment report = store.load(event.attachmentReportId()).orElseThrow(() -> new IllegalStateException(
                "Event " + event.eventKey() + " attaches report " + event.attachmentReportId()
                        + ", which does not exist"));
        if (!Objects.equals(report.orderId(), event.orderId())) {
            throw new IllegalStateException("Event " + event.eventKey() + " about order " + event.orderId()
                    + " may not attach report " + event.attachmentReportId() + " of order " + report.orderId());
        }
        return Optional.of(report);
    }
}
