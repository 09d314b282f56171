package com.orderflow.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import com.orderflow.shared.MailEvent;

/** One email of one event to one recipient: what was (or is to be) sent, and how sending went. */
@Entity
public class Notification {

    /** Longer errors (whole stack traces of nested causes) help nobody in the API or Cockpit. */
    private static final int MAX_ERROR_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    private Long id;

    private String eventKey;
    private Long orderId;
    private Long requestId;
    private String recipientUserId;
    private String recipientEmail;
    private String locale;
    private String template;
    private String subject;

    @Enumerated(EnumType.STRING)
    private NotificationState state;

    private int attempts;
    private String lastError;
    private String messageId;
    private Long attachmentReportId;
    private Instant createdAt;
    private Instant sentAt;

    protected Notification() {
    }

    Notification(MailEvent event, Recipient recipient, String subject, Instant createdAt) {
        this.eventKey = event.eventKey();
        this.orderId = event.orderId();
        this.requestId = event.requestId();
        this.template = event.template();
        this.attachmentReportId = event.attachmentReportId();
        this.recipientUserId = recipient.userId();
        this.recipientEmail = recipient.email();
        this.locale = recipient.locale().toLanguageTag();
        this.subject = subject;
        this.state = NotificationState.PENDING;
        this.createdAt = createdAt;
        this.messageId = messageIdOf(eventKey, recipientEmail);
    }

    /**
     * The Message-ID of an event's email to a recipient. It follows from the two alone, so every attempt
     * sends the same id, also one after a crash that kept no record of the first, and a recipient's mail
     * client can drop the duplicate.
     */
    static String messageIdOf(String eventKey, String recipientEmail) {
        String source = eventKey + "\n" + recipientEmail.toLowerCase(Locale.ROOT);
        return "<" + UUID.nameUUIDFromBytes(source.getBytes(StandardCharsets.UTF_8)) + "@orderflow>";
    }

    void markSent(Instant at) {
        if (state != NotificationState.PENDING) {
            throw new IllegalStateException("Notification " + id + " is " + state + ", not PENDING");
        }
        attempts++;
        state = NotificationState.SENT;
        lastError = null;
        sentAt = at;
    }

    /** A failed attempt: counted and explained, and the row stays PENDING for the next retry. */
    void recordFailure(String error) {
        if (state != NotificationState.PENDING) {
            throw new IllegalStateException("Notification " + id + " is " + state + ", not PENDING");
        }
        attempts++;
        lastError = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    boolean isPending() {
        return state == NotificationState.PENDING;
    }

    Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    public Long getId() {
        return id;
    }

    public String getEventKey() {
        return eventKey;
    }

    public Long getOrderId() {
        return orderId;
    }

    public Long getRequestId() {
        return requestId;
    }

    public String getRecipientUserId() {
        return recipientUserId;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    public String getLocale() {
        return locale;
    }

    public String getTemplate() {
        return template;
    }

    public String getSubject() {
        return subject;
    }

    public NotificationState getState() {
        return state;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public String getMessageId() {
        return messageId;
    }

    public Long getAttachmentReportId() {
        return attachmentReportId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
