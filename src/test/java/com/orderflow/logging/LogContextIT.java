package com.orderflow.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.shared.LogContext;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Approvals;
import com.orderflow.support.Await;
import com.orderflow.support.CapturedLogs;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

import ch.qos.logback.classic.spi.ILoggingEvent;

/** One search for the order number finds the request's lines, from filing over HTTP to the emails. */
class LogContextIT extends IntegrationTest {

    @Autowired
    OrderLifecycle lifecycle;

    private final CapturedLogs captured = new CapturedLogs();

    @BeforeEach
    void capture() {
        captured.start();
    }

    @AfterEach
    void release() {
        captured.stop();
    }

    @Test
    void theApplyJobAndTheFilingRequestLogWithTheOrderNumberAndTheRequestId() {
        var sales1 = as("sales1");
        JsonNode order = Fixtures.order(sales1, Fixtures.customer(sales1, "Log Trail Ltd"));
        long orderId = order.get("id").asLong();
        String number = order.get("orderNumber").asText();
        lifecycle.close(orderId, "sales1");

        JsonNode request = sales1.post("/api/orders/" + orderId + "/modification-requests", Map.of(
                "reason", "CONTRACT_CHANGE", "description", "Longer payment terms",
                "changes", Map.of("contract.paymentTermsDays", 45))).json();
        String requestId = request.get("id").asText();
        String pid = request.get("processInstanceId").asText();
        awaitStatus(sales1, requestId, "IN_APPROVAL");
        for (JsonNode group : sales1.get("/api/modification-requests/" + requestId).json().get("requiredApprovals")) {
            Approvals.approve(as(Approvals.APPROVER_OF.get(group.asText())), pid, group.asText());
        }
        awaitStatus(sales1, requestId, "APPLIED");
        Await.until("the applied emails were sent", () -> captured.containing("email(s) of event").stream()
                .anyMatch(e -> number.equals(e.getMDCPropertyMap().get(LogContext.ORDER_NUMBER))
                        && e.getFormattedMessage().contains("applied")));

        ILoggingEvent filed = only(captured.containing("Filed request " + requestId + " for order " + number));
        assertThat(filed.getThreadName()).startsWith("http-");
        assertContext(filed, number, requestId);

        ILoggingEvent applied = only(captured.containing("Applied request " + requestId + " to order " + number));
        assertThat(applied.getThreadName()).as("the apply step is a job").doesNotStartWith("http-");
        assertContext(applied, number, requestId);
        // The engine's own logging context is there too: the instance, and its business key, the order number.
        assertThat(applied.getMDCPropertyMap()).containsEntry("processInstanceId", pid)
                .containsEntry("businessKey", number);

        List<ILoggingEvent> sent = captured.containing("email(s) of event").stream()
                .filter(e -> number.equals(e.getMDCPropertyMap().get(LogContext.ORDER_NUMBER))).toList();
        assertThat(sent).isNotEmpty().allSatisfy(e -> assertContext(e, number, requestId));
    }

    private static void assertContext(ILoggingEvent event, String number, String requestId) {
        assertThat(event.getMDCPropertyMap()).as(event.getFormattedMessage())
                .containsEntry(LogContext.ORDER_NUMBER, number)
                .containsEntry(LogContext.REQUEST_TYPE, "modification")
                .containsEntry(LogContext.REQUEST_ID, requestId);
    }

    private static ILoggingEvent only(List<ILoggingEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static void awaitStatus(ApiClient api, String requestId, String status) {
        Await.until("request " + requestId + " is " + status, () -> status.equals(
                api.get("/api/modification-requests/" + requestId).json().get("status").asText()));
    }
}
