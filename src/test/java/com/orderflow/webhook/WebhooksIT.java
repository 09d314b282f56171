package com.orderflow.webhook;

import static com.orderflow.settlement.MoneySteps.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.settlement.MoneySteps;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Approvals;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/** Outbound events of the case study reach a real receiver, signed, in order, each once. */
class WebhooksIT extends IntegrationTest {

    @Autowired
    OrderLifecycle lifecycle;

    @Test
    void aSubscriberOfEverythingSeesTheCaseStudyAsItsEventsInOrder() {
        WebhookSteps webhooks = new WebhookSteps(as("admin"));
        try (Receiver receiver = new Receiver(0, 0).start()) {
            long subscriber = webhooks.subscribe(receiver.url(), List.of("*"));
            try {
                String number = runTheCaseStudy();
                List<JsonNode> outbox = webhooks.deliveriesOf(subscriber, number);
                Await.until("every event of " + number + " is delivered", () -> webhooks.deliveriesOf(subscriber,
                        number).stream().allMatch(d -> "DELIVERED".equals(d.get("status").asText())));
                List<JsonNode> events = WebhookSteps.eventsOf(receiver, number);
                // The audit trail's order: the applied change's consequences are recorded before the
                // request is marked applied; three approvals (managers, finance, legal).
                assertThat(events.stream().map(e -> e.get("type").asText()).toList()).containsExactly(
                        "orderflow.order.created", "orderflow.delivery.delivered", "orderflow.invoice.issued",
                        "orderflow.order.closed", "orderflow.modification.requested",
                        "orderflow.modification.approved", "orderflow.modification.approved",
                        "orderflow.modification.approved", "orderflow.delivery.changed", "orderflow.settlement.needed",
                        "orderflow.settlement.opened", "orderflow.modification.applied", "orderflow.invoice.issued",
                        "orderflow.settlement.settled", "orderflow.delivery.delivered");
                assertThat(events.stream().map(e -> e.get("id").asText()).toList()).isEqualTo(
                        webhooks.deliveriesOf(subscriber, number).stream().map(d -> d.get("eventId").asText()).toList());
                assertThat(outbox).isNotEmpty();
                assertThat(WebhookSteps.acceptedTwice(receiver, number)).isEmpty();
                for (JsonNode event : events) {
                    assertThat(event.get("specversion").asText()).isEqualTo("1.0");
                    assertThat(event.get("source").asText()).isEqualTo("urn:orderflow");
                    assertThat(event.get("subject").asText()).isEqualTo(number);
                    assertThat(event.get("data").get("orderNumber").asText()).isEqualTo(number);
                    assertThat(Instant.parse(event.get("time").asText())).isNotNull();
                }
            } finally {
                webhooks.unsubscribe(subscriber);
            }
        }
    }

    /** MoneyAndGoodsIT's case study: a closed order gains a module; approvals; apply; settlement; delivery. */
    private String runTheCaseStudy() {
        MoneySteps steps = new MoneySteps(as("sales1"), as("finance1"));
        ApiClient sales1 = as("sales1");
        JsonNode order = steps.openOrder(Fixtures.customer(sales1, "Webhook Case Study Machinery"),
                List.of(line("ERP", 1, "100000.00")));
        long id = order.get("id").asLong();
        steps.deliverAll(id);
        steps.invoice(id, "100000.00");
        lifecycle.close(id, "sales1");
        var filed = sales1.post("/api/orders/" + id + "/modification-requests", Map.of("reason", "CONTRACT_CHANGE",
                "description", "The customer adds the mobile module; delivery moves to the end of January",
                "changes", Map.of("lines", List.of(line("ERP", 1, "100000.00"), line("MOBILE", 1, "25000.00")),
                        "contract.deliveryDate", "2027-01-30")));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long requestId = filed.json().get("id").asLong();
        Approvals.approveEveryRequiredGroup(this::as, "sales1", requestId);
        Await.until("request " + requestId + " is applied", () -> "APPLIED".equals(
                sales1.get("/api/modification-requests/" + requestId).json().get("status").asText()));
        steps.settleAsProposed(steps.openSettlement(id));
        steps.deliverAll(id);
        return order.get("orderNumber").asText();
    }
}
