package com.orderflow.webhook;

import static com.orderflow.settlement.MoneySteps.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.settlement.MoneySteps;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/** A receiver that is down, then answers 503, under 50 requests: when it is back every event arrives in order. */
class WebhookOutageIT extends IntegrationTest {

    private static final int ORDERS = 10;
    private static final int EDITS_PER_ORDER = 4;

    @Test
    void nothingIsLostAndEachOrdersEventsKeepTheirOrderWhenTheReceiverComesBack() throws Exception {
        WebhookSteps webhooks = new WebhookSteps(as("admin"));
        try (Receiver receiver = new Receiver(15, 503)) {
            long subscriber = webhooks.subscribe(receiver.url(), List.of("*"));
            try {
                List<String> numbers = fiftyRequests();
                Thread.sleep(2000); // the first attempts find nobody listening
                receiver.start();
                for (String number : numbers) {
                    Await.until("every event of " + number + " is delivered", Duration.ofSeconds(120), () -> webhooks
                            .deliveriesOf(subscriber, number).stream()
                            .allMatch(d -> "DELIVERED".equals(d.get("status").asText())));
                }
                List<String> failures = new ArrayList<>();
                for (String number : numbers) {
                    List<JsonNode> outbox = webhooks.deliveriesOf(subscriber, number);
                    assertThat(outbox).hasSizeGreaterThanOrEqualTo(1 + EDITS_PER_ORDER);
                    assertThat(WebhookSteps.eventsOf(receiver, number).stream().map(e -> e.get("id").asText()).toList())
                            .as("events of " + number + " as they first arrived")
                            .isEqualTo(outbox.stream().map(d -> d.get("eventId").asText()).toList());
                    for (String twice : WebhookSteps.acceptedTwice(receiver, number)) {
                        assertThat(outbox.stream().filter(d -> d.get("eventId").asText().equals(twice))
                                .flatMap(d -> d.get("attempts").findValues("error").stream())
                                .anyMatch(e -> !e.isNull())).as("a duplicate of " + twice + " follows a failure")
                                .isTrue();
                    }
                    outbox.forEach(d -> d.get("attempts").forEach(a -> failures.add(a.path("error").asText(""))));
                }
                assertThat(failures).anyMatch(e -> e.contains("ConnectException")).contains("HTTP 503");
                assertThat(receiver.received().stream().filter(r -> r.answered() == 503)).hasSize(15);
            } finally {
                webhooks.unsubscribe(subscriber);
            }
        }
    }

    /** 10 orders created and each edited 4 times, the orders side by side: 50 requests. */
    private List<String> fiftyRequests() throws Exception {
        ApiClient sales1 = as("sales1");
        MoneySteps steps = new MoneySteps(sales1, as("finance1"));
        long customer = Fixtures.customer(sales1, "Outage Receiver Ltd");
        ExecutorService pool = Executors.newFixedThreadPool(ORDERS);
        try {
            List<Future<String>> orders = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                orders.add(pool.submit(() -> {
                    JsonNode order = steps.openOrder(customer, List.of(line("ERP", 1, "1000.00")));
                    long id = order.get("id").asLong();
                    for (int edit = 1; edit <= EDITS_PER_ORDER; edit++) {
                        var current = sales1.get("/api/orders/" + id);
                        var patched = sales1.patch("/api/orders/" + id, current.header("ETag"),
                                Map.of("discountPercent", edit));
                        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
                    }
                    return order.get("orderNumber").asText();
                }));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<String> order : orders) {
                numbers.add(order.get());
            }
            return numbers;
        } finally {
            pool.shutdown();
        }
    }
}
