package com.orderflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/**
 * /actuator/prometheus after a short story: the counters move by exactly what the story did (read before
 * and after, since the full-app tests share one database), only admins and monitoring may read it, and the
 * Grafana dashboard queries nothing the endpoint lacks.
 */
class MetricsIT extends IntegrationTest {

    private static final String FILED = "orderflow_modification_requests_filed_total";
    private static final String APPLIED = "orderflow_modification_requests_applied_total";
    private static final String REJECTED = "orderflow_modification_requests_rejected_total";
    private static final String WITHDRAWN = "orderflow_modification_requests_withdrawn_total";
    private static final String CONFLICTED = "orderflow_modification_requests_conflicted_total";
    private static final String APPROVAL_COUNT = "orderflow_approval_lead_time_seconds_count";
    private static final String SETTLEMENT_COUNT = "orderflow_settlement_lead_time_seconds_count";
    private static final String SETTLED = "orderflow_settlements_settled_total";

    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    RuntimeService runtime;

    @Test
    void aShortStoryShowsInTheCountersWithTheRightValues() throws Exception {
        Scrape before = scrape("admin");
        MetricsStory story = new MetricsStory(as("sales1"), as("finance1"), lifecycle);
        story.contractChangeApprovedBySalesManagersAndLegal(as("manager1"), as("legal1"));
        story.discountRejectedByFinanceThenWithdrawn();
        story.settlement();

        Await.until("the requests' counters moved", () -> scrape("monitor1").value(WITHDRAWN, "reason",
                "CUSTOMER_REQUIREMENT") >= before.value(WITHDRAWN, "reason", "CUSTOMER_REQUIREMENT") + 1);
        Scrape after = scrape("monitor1");
        assertDelta(before, after, 1, FILED, "reason", "CONTRACT_CHANGE");
        assertDelta(before, after, 1, FILED, "reason", "CUSTOMER_REQUIREMENT");
        assertDelta(before, after, 1, APPLIED, "reason", "CONTRACT_CHANGE");
        assertDelta(before, after, 0, APPLIED, "reason", "CUSTOMER_REQUIREMENT");
        assertDelta(before, after, 1, REJECTED, "reason", "CUSTOMER_REQUIREMENT");
        assertDelta(before, after, 0, REJECTED, "reason", "CONTRACT_CHANGE");
        assertDelta(before, after, 1, WITHDRAWN, "reason", "CUSTOMER_REQUIREMENT");
        assertDelta(before, after, 0, CONFLICTED, "reason", "CONTRACT_CHANGE");
        assertDelta(before, after, 1, APPROVAL_COUNT, "group", "sales-managers");
        assertDelta(before, after, 1, APPROVAL_COUNT, "group", "legal");
        assertDelta(before, after, 1, APPROVAL_COUNT, "group", "finance");
        assertDelta(before, after, 1, SETTLEMENT_COUNT);
        assertDelta(before, after, 1, SETTLED);
        assertThat(after.value("orderflow_approval_lead_time_seconds_sum", "group", "legal"))
                .isGreaterThan(before.value("orderflow_approval_lead_time_seconds_sum", "group", "legal"));
        assertThat(after.series()).anyMatch(s -> s.name().equals("orderflow_approval_lead_time_seconds_bucket")
                && "finance".equals(s.labels().get("group")) && "+Inf".equals(s.labels().get("le")));

        // The engine's own metrics count every step and job of this node.
        assertThat(after.value("orderflow_engine_activity_instance_start_total"))
                .isGreaterThan(before.value("orderflow_engine_activity_instance_start_total"));
        assertThat(after.value("orderflow_engine_job_successful_total"))
                .isGreaterThan(before.value("orderflow_engine_job_successful_total"));
        assertThat(after.value("orderflow_engine_job_acquisition_attempt_total"))
                .isGreaterThan(before.value("orderflow_engine_job_acquisition_attempt_total"));
        // Read as the system: monitor1 may read no process instance, yet sees every incident.
        assertThat(scrape("monitor1").value("orderflow_incidents_open"))
                .isEqualTo(runtime.createIncidentQuery().count());

        Await.until("the story's emails are sent", () -> scrape("admin").value("orderflow_emails_sent_total")
                >= before.value("orderflow_emails_sent_total") + 3);
        assertDashboardQueriesOnlyWhatTheEndpointHas(scrape("monitor1"));
    }

    @Test
    void anOpenLiveOrderPageIsALiveStream() throws Exception {
        var sales1 = as("sales1");
        long orderId = Fixtures.order(sales1, Fixtures.customer(sales1, "Live Streams Ltd")).get("id").asLong();
        double before = scrape("admin").value("orderflow_portal_live_streams");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders/" + orderId
                + "/events")).header("Accept", "text/event-stream").header("Authorization", basic("sales1")).build();
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(scrape("admin").value("orderflow_portal_live_streams")).isEqualTo(before + 1);
        }
    }

    @Test
    void onlyAdminsAndMonitoringReadTheMetrics() {
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        for (String user : List.of("sales1", "manager1", "finance1", "legal1", "delivery1")) {
            var refused = as(user).get("/actuator/prometheus");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(as("admin").get("/actuator/prometheus").status()).isEqualTo(200);
        var monitor = as("monitor1").get("/actuator/prometheus");
        assertThat(monitor.status()).isEqualTo(200);
        assertThat(monitor.contentType()).startsWith("text/plain");

        // Monitoring reads metrics and nothing of the business: no orders, no process instances, no tasks.
        var sales1 = as("sales1");
        long orderId = Fixtures.order(sales1, Fixtures.customer(sales1, "Monitored Ltd")).get("id").asLong();
        var monitor1 = as("monitor1");
        assertThat(monitor1.get("/api/orders/" + orderId).status()).isIn(403, 404);
        assertThat(monitor1.get("/engine-rest/process-instance/count").json().get("count").asInt()).isZero();
        assertThat(monitor1.get("/engine-rest/task/count").json().get("count").asInt()).isZero();
        assertThat(monitor1.post("/api/orders", Fixtures.orderBody(1, 1, "10.00")).status()).isIn(403, 404);
    }

    private void assertDashboardQueriesOnlyWhatTheEndpointHas(Scrape scrape) throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("docs/grafana/orderflow.json").toFile());
        Set<String> queried = new TreeSet<>();
        dashboard.findValues("expr").forEach(expr -> queried.addAll(PromQl.metricNames(expr.asText())));
        dashboard.path("templating").path("list").forEach(v -> {
            String query = v.path("query").isTextual() ? v.path("query").asText() : v.path("query").path("query").asText();
            if (query.startsWith("label_values(")) {
                queried.addAll(PromQl.metricNames(query.substring("label_values(".length(), query.lastIndexOf(','))));
            }
        });
        assertThat(queried).as("metrics the dashboard queries").hasSizeGreaterThan(15);
        assertThat(scrape.names()).containsAll(queried);
    }

    private static void assertDelta(Scrape before, Scrape after, double delta, String name, String... labels) {
        assertThat(after.value(name, labels) - before.value(name, labels)).as(name + " " + List.of(labels))
                .isEqualTo(delta);
    }

    private Scrape scrape(String user) {
        var response = as(user).get("/actuator/prometheus");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return Scrape.parse(response.text());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
