package com.orderflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.notification.MailRenderer.RenderedMail;
import com.orderflow.shared.MailDeliveryException;
import com.orderflow.shared.MailEvent;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;
import com.orderflow.support.TestInfrastructure;

/** Real PostgreSQL and a real SMTP server (GreenMail, shared by every IT: messages are matched by Message-ID). */
class NotificationIT extends IntegrationTest {

    @Autowired
    NotificationService notifications;

    @Autowired
    NotificationRepository rows;

    @Autowired
    IdentityService identity;

    @Autowired
    JavaMailSender mailSender;

    @Autowired
    NotificationOutbox outbox;

    @Autowired
    NotificationMailer mailer;

    private final java.util.Map<String, String> demoLanguages = new java.util.HashMap<>();

    /** These tests set languages themselves; the demo users' own languages come back afterwards. */
    @org.junit.jupiter.api.BeforeEach
    void forgetLanguages() {
        for (String user : List.of("sales1", "sales2", "manager1")) {
            demoLanguages.put(user, identity.getUserInfo(user, RecipientResolver.LOCALE_INFO_KEY));
            identity.deleteUserInfo(user, RecipientResolver.LOCALE_INFO_KEY);
        }
    }

    @AfterEach
    void restoreLanguages() {
        demoLanguages.forEach((user, locale) -> {
            if (locale == null) {
                identity.deleteUserInfo(user, RecipientResolver.LOCALE_INFO_KEY);
            } else {
                identity.setUserInfo(user, RecipientResolver.LOCALE_INFO_KEY, locale);
            }
        });
    }

    @Test
    void smtpConnectionsAreMadeWithNagleOff() {
        // Jakarta Mail creates its sockets through the factory the configuration names.
        String factory = ((JavaMailSenderImpl) mailSender).getSession().getProperty("mail.smtp.socketFactory.class");
        assertThat(factory).isEqualTo(NoDelaySocketFactory.class.getName());
    }

    @Test
    void aMailServerThatNeverAnswersFailsTheSendInsteadOfHoldingIt() throws Exception {
        Properties configured = ((JavaMailSenderImpl) mailSender).getJavaMailProperties();
        assertThat(configured.getProperty("mail.smtp.connectiontimeout")).isEqualTo("10000");
        assertThat(configured.getProperty("mail.smtp.timeout")).isEqualTo("10000");
        // The backlog completes the TCP handshake; nothing ever sends the server's greeting.
        try (ServerSocket silent = new ServerSocket(0)) {
            Properties shorter = new Properties();
            shorter.putAll(configured);
            shorter.setProperty("mail.smtp.timeout", "500");
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setJavaMailProperties(shorter);
            sender.setHost("localhost");
            sender.setPort(silent.getLocalPort());
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom("orderflow@orderflow.local");
            mail.setTo("finance1@orderflow.local");
            mail.setText("Anyone there?");

            assertThatThrownBy(() -> sender.send(mail)).isInstanceOf(MailException.class)
                    .hasRootCauseInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void everyoneIsMailedOnceInTheirOwnLanguage() throws Exception {
        identity.setUserInfo("sales2", RecipientResolver.LOCALE_INFO_KEY, "zh-CN");
        identity.setUserInfo("manager1", RecipientResolver.LOCALE_INFO_KEY, "en");
        String key = uniqueKey("languages");

        // sales2 is named and also in the group sales: one email for them, not two.
        notifications.notify(approvalNeeded(key, null, Set.of("sales2"), Set.of("sales", "sales-managers")));

        Map<String, Notification> byUser = rows.findByEventKeyOrderByIdAsc(key).stream()
                .collect(Collectors.toMap(Notification::getRecipientUserId, Function.identity()));
        assertThat(byUser).containsOnlyKeys("sales1", "sales2", "manager1");
        assertThat(byUser.get("sales2").getLocale()).isEqualTo("zh-CN");
        assertThat(byUser.get("manager1").getLocale()).isEqualTo("en");
        assertThat(byUser.get("sales1").getLocale()).as("no locale set: the default").isEqualTo("en");
        assertThat(byUser.values()).allSatisfy(n -> {
            assertThat(n.getState()).isEqualTo(NotificationState.SENT);
            assertThat(n.getAttempts()).isEqualTo(1);
            assertThat(n.getSentAt()).isNotNull();
        });

        Map<String, MimeMessage> mail = receivedFor(key);
        assertThat(mail).hasSize(3);
        MimeMessage chinese = mail.get(byUser.get("sales2").getMessageId());
        assertThat(recipient(chinese)).isEqualTo("sales2@orderflow.local");
        assertThat(chinese.getSubject()).isEqualTo("[orderflow] 待审批：订单 SO-2026-000001 结单修改");
        assertThat(html(chinese)).contains("sales1 申请修改订单 SO-2026-000001，需要您审批。", "付款期限（天）", "合同变更");

        MimeMessage english = mail.get(byUser.get("manager1").getMessageId());
        assertThat(recipient(english)).isEqualTo("manager1@orderflow.local");
        assertThat(english.getSubject()).isEqualTo("[orderflow] Approval needed: change to SO-2026-000001");
        assertThat(html(english)).contains("sales1 asks to change order SO-2026-000001. Your approval is needed.",
                "Payment terms (days)", "Contract change");
        assertThat(english.getFrom()[0].toString()).isEqualTo("orderflow@orderflow.local");
    }

    @Test
    void notifyingTwiceWithTheSameKeyMailsEachRecipientOnce() throws Exception {
        String key = uniqueKey("twice");
        MailEvent event = approvalNeeded(key, null, Set.of("finance1", "legal1"), Set.of());

        notifications.notify(event);
        notifications.notify(event);

        List<Notification> recorded = rows.findByEventKeyOrderByIdAsc(key);
        assertThat(recorded).extracting(Notification::getRecipientEmail)
                .containsExactly("finance1@orderflow.local", "legal1@orderflow.local");
        assertThat(recorded).allSatisfy(n -> assertThat(n.getAttempts()).isEqualTo(1));
        assertThat(receivedFor(key)).hasSize(2);
        assertThat(receivedFor(key).keySet())
                .containsExactlyInAnyOrderElementsOf(recorded.stream().map(Notification::getMessageId).toList());
    }

    @Test
    void anSmtpOutageLeavesRowsPendingAndTheRetryDeliversEachOnceWithTheSameMessageId() throws Exception {
        String key = uniqueKey("outage");
        MailEvent event = approvalNeeded(key, null, Set.of(), Set.of("finance", "legal"));

        TestInfrastructure.stopSmtp();
        try {
            assertThatThrownBy(() -> notifications.notify(event)).isInstanceOf(MailDeliveryException.class)
                    .hasMessageContaining("2 of 2");
        } finally {
            TestInfrastructure.startSmtp();
        }
        List<Notification> pending = rows.findByEventKeyOrderByIdAsc(key);
        assertThat(pending).hasSize(2).allSatisfy(n -> {
            assertThat(n.getState()).isEqualTo(NotificationState.PENDING);
            assertThat(n.getAttempts()).isEqualTo(1);
            assertThat(n.getLastError()).isNotBlank();
            assertThat(n.getMessageId()).isEqualTo(Notification.messageIdOf(key, n.getRecipientEmail()));
            assertThat(n.getSentAt()).isNull();
        });

        notifications.notify(event);
        notifications.notify(event);

        List<Notification> sent = rows.findByEventKeyOrderByIdAsc(key);
        assertThat(sent).allSatisfy(n -> {
            assertThat(n.getState()).isEqualTo(NotificationState.SENT);
            assertThat(n.getAttempts()).isEqualTo(2);
            assertThat(n.getLastError()).isNull();
        });
        assertThat(sent).extracting(Notification::getMessageId)
                .containsExactlyElementsOf(pending.stream().map(Notification::getMessageId).toList());
        Map<String, MimeMessage> mail = receivedFor(key);
        assertThat(mail).hasSize(2);
        for (Notification n : sent) {
            assertThat(recipient(mail.get(n.getMessageId()))).isEqualTo(n.getRecipientEmail());
        }
    }

    @Test
    void aSendCutOffBeforeItsOutcomeIsCommittedLeavesNoRowAndIsResentUnderTheSameMessageId() throws Exception {
        String key = uniqueKey("cut-off");
        MailEvent event = approvalNeeded(key, null, Set.of("finance1"), Set.of());
        Recipient finance1 = new Recipient("finance1", "finance1@orderflow.local", Locale.ENGLISH);

        assertThatThrownBy(() -> outbox.attempt(event, List.of(finance1), r -> "Approval needed", sending -> {
            mailer.send(sending, row -> new RenderedMail("Approval needed", "<p>first</p>"), row -> Optional.empty());
            throw new NodeDied();
        })).isInstanceOf(NodeDied.class);
        assertThat(rows.findByEventKeyOrderByIdAsc(key)).as("nothing of the cut-off attempt is kept").isEmpty();

        notifications.notify(event);

        Notification row = rows.findByEventKeyOrderByIdAsc(key).get(0);
        assertThat(row.getState()).isEqualTo(NotificationState.SENT);
        assertThat(Arrays.stream(TestInfrastructure.smtp().getReceivedMessages()).filter(m -> {
            try {
                return row.getMessageId().equals(m.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).as("the cut-off send and the retry, under one Message-ID").hasSize(2);
    }

    /** What a node killed in the middle of sending amounts to: the attempt's transaction never commits. */
    private static final class NodeDied extends Error {
    }

    @Test
    void aSalesRepsRequestStillReachesApproversTheRepMayNotLookUp() {
        String key = uniqueKey("as-rep");
        identity.setAuthentication("sales1", List.of("sales"));
        try {
            notifications.notify(approvalNeeded(key, null, Set.of(), Set.of("finance")));
            assertThat(identity.getCurrentAuthentication().getUserId()).as("the caller is signed in again")
                    .isEqualTo("sales1");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(rows.findByEventKeyOrderByIdAsc(key)).extracting(Notification::getRecipientUserId)
                .containsExactly("finance1");
    }

    @Test
    void aReportThatCannotBeAttachedFailsLoudlyAndMailsNobody() throws Exception {
        String key = uniqueKey("attachment");
        MailEvent event = new MailEvent(key, null, null, "review-report", Set.of("manager1"), Set.of(),
                Map.of("reviewId", 7, "findingCount", 1), Long.MAX_VALUE);

        assertThatThrownBy(() -> notifications.notify(event)).isInstanceOf(RuntimeException.class)
                .hasMessageContaining(String.valueOf(Long.MAX_VALUE));

        Notification row = rows.findByEventKeyOrderByIdAsc(key).get(0);
        assertThat(row.getState()).isEqualTo(NotificationState.PENDING);
        assertThat(row.getAttachmentReportId()).isEqualTo(Long.MAX_VALUE);
        assertThat(row.getLastError()).contains(String.valueOf(Long.MAX_VALUE));
        assertThat(receivedFor(key)).isEmpty();
    }

    @Test
    void theOrderListsItsNotificationsForThoseWhoMayReadIt() {
        var sales1 = as("sales1");
        JsonNode order = Fixtures.order(sales1, Fixtures.customer(sales1, "Suzhou Gears"));
        long orderId = order.get("id").asLong();
        String orderNumber = order.get("orderNumber").asText();
        identity.setUserInfo("sales1", RecipientResolver.LOCALE_INFO_KEY, "zh_CN");
        String key = uniqueKey("api");

        notifications.notify(approvalNeeded(key, orderId, Set.of("sales1", "finance1"), Set.of(), orderNumber));

        var response = sales1.get("/api/orders/" + orderId + "/notifications");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode list = response.json();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asLong()).isLessThan(list.get(1).get("id").asLong());
        JsonNode first = list.get(0);
        assertThat(first.get("eventKey").asText()).isEqualTo(key);
        assertThat(first.get("template").asText()).isEqualTo("modification-approval-needed");
        assertThat(first.get("state").asText()).isEqualTo("SENT");
        assertThat(first.get("attempts").asInt()).isEqualTo(1);
        assertThat(first.get("messageId").asText()).endsWith("@orderflow>");
        assertThat(first.get("createdAt").asText()).isNotBlank();
        assertThat(first.get("sentAt").asText()).isNotBlank();
        Map<String, JsonNode> byRecipient = new HashMap<>();
        list.forEach(n -> byRecipient.put(n.get("recipient").asText(), n));
        assertThat(byRecipient).containsOnlyKeys("finance1@orderflow.local", "sales1@orderflow.local");
        assertThat(byRecipient.get("sales1@orderflow.local").get("locale").asText()).isEqualTo("zh-CN");
        assertThat(byRecipient.get("sales1@orderflow.local").get("subject").asText())
                .isEqualTo("[orderflow] 待审批：订单 " + orderNumber + " 结单修改");
        assertThat(byRecipient.get("finance1@orderflow.local").get("subject").asText())
                .isEqualTo("[orderflow] Approval needed: change to " + orderNumber);

        assertThat(as("manager1").get("/api/orders/" + orderId + "/notifications").json()).hasSize(2);
        var other = as("sales2").get("/api/orders/" + orderId + "/notifications");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(sales1.get("/api/orders/" + Long.MAX_VALUE + "/notifications").status()).isEqualTo(404);
        assertThat(anonymous().get("/api/orders/" + orderId + "/notifications").status()).isEqualTo(401);
    }

    private static String uniqueKey(String name) {
        return "it-" + name + "-" + UUID.randomUUID();
    }

    private static MailEvent approvalNeeded(String key, Long orderId, Set<String> users, Set<String> groups) {
        return approvalNeeded(key, orderId, users, groups, "SO-2026-000001");
    }

    private static MailEvent approvalNeeded(String key, Long orderId, Set<String> users, Set<String> groups,
            String orderNumber) {
        Map<String, Object> model = Map.of("orderNumber", orderNumber, "requester", "sales1",
                "reason", "CONTRACT_CHANGE", "description", "Customer asked for 60 days",
                "changes", List.of(Map.of("field", "contract.paymentTermsDays", "before", 30, "after", 60)),
                "requestId", 42L);
        return new MailEvent(key, orderId, 42L, "modification-approval-needed", users, groups, model, null);
    }

    /** The messages GreenMail received for the event, by Message-ID; fails on a duplicate Message-ID. */
    private Map<String, MimeMessage> receivedFor(String eventKey) throws MessagingException {
        Set<String> ids = rows.findByEventKeyOrderByIdAsc(eventKey).stream().map(Notification::getMessageId)
                .collect(Collectors.toSet());
        Map<String, MimeMessage> found = new HashMap<>();
        for (MimeMessage message : TestInfrastructure.smtp().getReceivedMessages()) {
            if (ids.contains(message.getMessageID())) {
                assertThat(found.put(message.getMessageID(), message)).as("sent twice: " + message.getMessageID())
                        .isNull();
            }
        }
        return found;
    }

    private static String recipient(MimeMessage message) throws MessagingException {
        return Arrays.stream(message.getAllRecipients()).map(Object::toString).collect(Collectors.joining(","));
    }

    private static String html(MimeMessage message) throws MessagingException, IOException {
        assertThat(message.getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
        return (String) message.getContent();
    }
}
