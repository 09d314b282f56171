package com.orderflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.orderflow.shared.InvalidFieldException;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;
import com.orderflow.webhook.WebhookRequests.NewSubscriber;

/** Registering subscribers: admins only, bad input refused, no internal URLs by default, secrets never shown. */
class WebhookSubscribersIT extends IntegrationTest {

    @Autowired
    SubscriberRepository subscribers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void aLoopbackUrlIsRefusedByDefaultAndAcceptedWithTheSetting() {
        // This context runs with orderflow.webhooks.allow-private-addresses=true; the same registration
        // with the default (false) is refused before anything is stored.
        WebhookAdmin byDefault = new WebhookAdmin(subscribers, new WebhookUrls(false), jdbc, clock);
        long before = subscribers.count();
        assertThatThrownBy(() -> byDefault.register(new NewSubscriber("http://127.0.0.1:9/events",
                WebhookSteps.SECRET, List.of("*"), true), "admin")).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("loopback");
        assertThat(subscribers.count()).isEqualTo(before);

        WebhookSteps webhooks = new WebhookSteps(as("admin"));
        long id = webhooks.subscribe("http://127.0.0.1:9/events", List.of("orderflow.order.created"));
        webhooks.unsubscribe(id);
        assertThat(as("admin").get("/api/admin/webhooks/" + id).json().get("active").asBoolean()).isFalse();
    }

    @Test
    void badSubscribersAreRefusedWithAProblem() {
        ApiClient admin = as("admin");
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                body("ftp://127.0.0.1/events", WebhookSteps.SECRET, List.of("*")),
                body("file:///etc/passwd", WebhookSteps.SECRET, List.of("*")),
                body("http://127.0.0.1/events", "short", List.of("*")),
                body("http://127.0.0.1/events", WebhookSteps.SECRET, List.of()),
                body("http://127.0.0.1/events", WebhookSteps.SECRET, List.of("order.exploded")))) {
            var refused = admin.post("/api/admin/webhooks", bad);
            assertThat(refused.status()).as(bad + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void onlyAdminsManageSubscribersAndNobodySeesASecret() {
        Map<String, Object> body = body("http://127.0.0.1:9/events", WebhookSteps.SECRET, List.of("*"));
        assertThat(anonymous().post("/api/admin/webhooks", body).status()).isEqualTo(401);
        for (String user : List.of("sales1", "manager1", "finance1", "legal1", "delivery1")) {
            assertThat(as(user).post("/api/admin/webhooks", body).status()).as(user).isEqualTo(403);
            assertThat(as(user).get("/api/admin/webhooks").status()).as(user).isEqualTo(403);
        }
        WebhookSteps webhooks = new WebhookSteps(as("admin"));
        long id = webhooks.subscribe("http://127.0.0.1:9/events", List.of("orderflow.order.closed"));
        try {
            assertThat(as("sales1").get("/api/admin/webhooks/" + id + "/deliveries").status()).isEqualTo(403);
            assertThat(as("admin").get("/api/admin/webhooks").text()).doesNotContain(WebhookSteps.SECRET);
            assertThat(as("admin").get("/api/admin/webhooks/" + id).text()).doesNotContain(WebhookSteps.SECRET);
        } finally {
            webhooks.unsubscribe(id);
        }
    }

    @Test
    void aRepCannotSendAnEventOfTheirMakingOverEngineRest() throws Exception {
        WebhookSteps webhooks = new WebhookSteps(as("admin"));
        try (Receiver receiver = new Receiver(0, 0).start()) {
            long id = webhooks.subscribe(receiver.url(), List.of("orderflow.order.closed"));
            try {
                ApiClient sales1 = as("sales1");
                String number = Fixtures.order(sales1, Fixtures.customer(sales1, "Forged Event Co"))
                        .get("orderNumber").asText();
                var attack = sales1.post("/engine-rest/process-definition/key/deliver-webhook/start", Map.of(
                        "businessKey", number,
                        "variables", Map.of("subscriberId", Map.of("value", id, "type", "Long"))));
                assertThat(attack.status()).as(attack.text()).isGreaterThanOrEqualTo(400);
                Thread.sleep(3000);
                assertThat(receiver.received()).isEmpty();
                assertThat(webhooks.deliveries(id)).isEmpty();
            } finally {
                webhooks.unsubscribe(id);
            }
        }
    }

    private static Map<String, Object> body(String url, String secret, List<String> types) {
        return Map.of("url", url, "secret", secret, "eventTypes", types, "active", true);
    }
}
