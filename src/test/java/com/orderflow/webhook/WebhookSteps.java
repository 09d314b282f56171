package com.orderflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;

/** Subscribing a receiver and checking what it got, as the admin. */
final class WebhookSteps {

    static final String SECRET = "it-secret-0123456789-abcdef";

    private final ApiClient admin;

    WebhookSteps(ApiClient admin) {
        this.admin = admin;
    }

    long subscribe(String url, List<String> types) {
        var created = admin.post("/api/admin/webhooks", Map.of("url", url, "secret", SECRET, "eventTypes", types,
                "active", true));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.text()).doesNotContain(SECRET);
        return created.json().get("id").asLong();
    }

    void unsubscribe(long id) {
        assertThat(admin.send("DELETE", "/api/admin/webhooks/" + id, null, null).status()).isEqualTo(200);
    }

    JsonNode deliveries(long subscriberId) {
        var deliveries = admin.get("/api/admin/webhooks/" + subscriberId + "/deliveries");
        assertThat(deliveries.status()).as(deliveries.text()).isEqualTo(200);
        return deliveries.json();
    }

    /** The deliveries of one order, oldest first. */
    List<JsonNode> deliveriesOf(long subscriberId, String orderNumber) {
        List<JsonNode> of = new ArrayList<>();
        for (JsonNode delivery : deliveries(subscriberId)) {
            if (orderNumber.equals(delivery.get("subject").asText())) {
                of.add(0, delivery);
            }
        }
        return of;
    }

    /** What the receiver got about one order: each event once, in the order it first arrived, each signed. */
    static List<JsonNode> eventsOf(Receiver receiver, String orderNumber) {
        List<JsonNode> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Receiver.Received received : receiver.received()) {
            if (!orderNumber.equals(received.event().path("subject").asText())) {
                continue;
            }
            assertThat(received.signature()).as("signature of " + received.event().get("id"))
                    .isEqualTo(Signatures.sign(SECRET, received.body()));
            assertThat(received.contentType()).startsWith("application/cloudevents+json");
            if (seen.add(received.event().get("id").asText())) {
                events.add(received.event());
            }
        }
        return events;
    }

    /** Ids the receiver took (2xx) more than once: allowed only for an event with an earlier failed attempt. */
    static List<String> acceptedTwice(Receiver receiver, String orderNumber) {
        Set<String> taken = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (Receiver.Received received : receiver.received()) {
            if (orderNumber.equals(received.event().path("subject").asText()) && received.answered() / 100 == 2
                    && !taken.add(received.event().get("id").asText())) {
                twice.add(received.event().get("id").asText());
            }
        }
        return twice;
    }
}
