package com.orderflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.util.ReflectionTestUtils;

import com.orderflow.notification.MailAttachments.Attachment;
import com.orderflow.notification.MailRenderer.RenderedMail;
import com.orderflow.shared.MailEvent;

/** The row's state changes and the message built from it, without a database or mail server. */
class NotificationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aFailureIsCountedAndKeepsTheRowPendingUntilItIsSent() {
        Notification n = saved(41L);
        n.recordFailure("Connection refused");
        assertThat(n.getState()).isEqualTo(NotificationState.PENDING);
        assertThat(n.getAttempts()).isEqualTo(1);
        assertThat(n.getLastError()).isEqualTo("Connection refused");

        n.markSent(NOW);
        assertThat(n.getState()).isEqualTo(NotificationState.SENT);
        assertThat(n.getAttempts()).isEqualTo(2);
        assertThat(n.getLastError()).isNull();
        assertThat(n.getSentAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> n.markSent(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> n.recordFailure("late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void longErrorsAreCut() {
        Notification n = saved(42L);
        n.recordFailure("x".repeat(10_000));
        assertThat(n.getLastError()).hasSize(4000);
    }

    @Test
    void theMessageIdFollowsFromEventAndRecipientAndSurvivesSaveChanges() throws Exception {
        Notification n = saved(43L);
        assertThat(n.getMessageId()).matches("<[0-9a-f-]{36}@orderflow>")
                .isEqualTo(Notification.messageIdOf("order-9-closed", "Sales2@OrderFlow.local"))
                .isNotEqualTo(Notification.messageIdOf("order-9-closed", "sales1@orderflow.local"))
                .isNotEqualTo(Notification.messageIdOf("order-10-closed", "sales2@orderflow.local"));

        NotificationMailer mailer = new NotificationMailer(new JavaMailSenderImpl(), "orderflow@orderflow.local");
        MimeMessage message = mailer.compose(n, new RenderedMail("ignored", "<p>你好</p>"),
                Optional.of(new Attachment("review-7.pdf", "application/pdf", new byte[] { 37, 80, 68, 70 }, null)));
        message.saveChanges();
        message.saveChanges();

        assertThat(message.getMessageID()).isEqualTo(n.getMessageId());
        assertThat(message.getSubject()).isEqualTo("[orderflow] 订单 SO-2026-000009 已结单");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("sales2@orderflow.local");
        assertThat(message.getHeader("Content-Language")[0]).isEqualTo("zh-CN");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        assertThat(raw.toString(StandardCharsets.US_ASCII)).contains("review-7.pdf", "application/pdf");
        assertThat(parts.getCount()).isGreaterThanOrEqualTo(2);
    }

    private static Notification saved(long id) {
        MailEvent event = new MailEvent("order-9-closed", 9L, null, "order-closed", Set.of("sales2"), Set.of(),
                Map.of(), null);
        Notification n = new Notification(event,
                new Recipient("sales2", "sales2@orderflow.local", Locale.forLanguageTag("zh-CN")),
                "[orderflow] 订单 SO-2026-000009 已结单", NOW);
        ReflectionTestUtils.setField(n, "id", id); // what the sequence does on save
        return n;
    }
}
