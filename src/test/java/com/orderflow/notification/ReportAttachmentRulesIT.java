package com.orderflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.orderflow.report.ReportService;
import com.orderflow.report.ReportType;
import com.orderflow.shared.MailEvent;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;
import com.orderflow.support.TestInfrastructure;

/** Reports travel only to people who may read them: an email attaches only its own order's report. */
class ReportAttachmentRulesIT extends IntegrationTest {

    private static final byte[] PDF = { 37, 80, 68, 70, 45, 49, 46, 52 };

    @Autowired
    NotificationService notifications;

    @Autowired
    NotificationRepository rows;

    @Autowired
    ReportService reports;

    @Test
    void anEmailAboutOneOrderMayNotAttachAnotherOrdersReport() throws Exception {
        long reportsOrder = order("Attachment Owner Co");
        long otherOrder = order("Attachment Thief Co");
        Long report = closingReportOf(reportsOrder);
        String key = "it-foreign-report-" + UUID.randomUUID();

        assertThatThrownBy(() -> notifications.notify(orderClosed(key, otherOrder, Set.of("sales2"), report)))
                .hasMessageContaining("may not attach report " + report);
        assertThat(receivedFor(key)).isEmpty();
    }

    @Test
    void onlyTheRecipientsWhoMayReadTheReportGetItAttached() throws Exception {
        long orderId = order("Attachment Readers Co");
        Long report = closingReportOf(orderId);
        String key = "it-report-readers-" + UUID.randomUUID();

        notifications.notify(orderClosed(key, orderId, Set.of("sales1", "sales2", "finance1", "delivery1"), report));

        Map<String, Boolean> attachedFor = new HashMap<>();
        for (MimeMessage message : receivedFor(key).values()) {
            attachedFor.put(message.getAllRecipients()[0].toString(), hasAttachment(message));
        }
        assertThat(attachedFor).as("everyone is told; only the owner and finance may read the report")
                .containsExactlyInAnyOrderEntriesOf(Map.of("sales1@orderflow.local", true,
                        "finance1@orderflow.local", true, "sales2@orderflow.local", false,
                        "delivery1@orderflow.local", false));
    }

    private long order(String customer) {
        return Fixtures.order(as("sales1"), Fixtures.customer(as("sales1"), customer)).get("id").asLong();
    }

    private Long closingReportOf(long orderId) {
        return reports.store(ReportType.CLOSING, orderId, null, null, "it-closing-" + UUID.randomUUID(),
                "closing-" + orderId + ".pdf", "application/pdf", PDF);
    }

    private static MailEvent orderClosed(String key, long orderId, Set<String> users, Long report) {
        Map<String, Object> model = Map.of("orderNumber", "SO-TEST-" + orderId, "requester", "sales1", "reason", "",
                "closedBy", "sales1", "total", "3000.00", "currency", "EUR");
        return new MailEvent(key, orderId, null, "order-closed", users, Set.of(), model, report);
    }

    private Map<String, MimeMessage> receivedFor(String eventKey) {
        Set<String> ids = rows.findByEventKeyOrderByIdAsc(eventKey).stream().map(Notification::getMessageId)
                .collect(Collectors.toSet());
        Map<String, MimeMessage> found = new HashMap<>();
        for (MimeMessage message : TestInfrastructure.smtp().getReceivedMessages()) {
            try {
                if (ids.contains(message.getMessageID())) {
                    found.put(message.getMessageID(), message);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static boolean hasAttachment(Part part) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return true;
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                if (hasAttachment(multipart.getBodyPart(i))) {
                    return true;
                }
            }
        }
        return false;
    }
}
