package com.orderflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.support.ApiClient;
import com.orderflow.support.ApiClient.Response;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/**
 * A table of hostile requests across the API: each must get a 4xx problem+json (never a 500) and
 * leave every domain and engine table exactly as it was.
 */
class HostileInputIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> TABLES = List.of("customer", "sales_order", "order_line", "contract",
            "invoice", "delivery", "audit_event", "order_revision", "modification_request", "field_change",
            "modification_approval", "notification", "report", "closed_order_review", "review_finding",
            "act_ru_execution", "act_ru_task", "act_ru_job", "act_hi_procinst");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ManagementService management;

    @Autowired
    OrderLifecycle lifecycle;

    /** One hostile request: who sends it, what it is, and which 4xx statuses are right answers. */
    record Case(String name, Function<Ctx, Response> send, Set<Integer> expected) {
    }

    record Ctx(ApiClient sales1, ApiClient sales2, ApiClient anonymous, long customerId, long openOrderId,
            long closedOrderId, long requestId, String closedOrderNumber) {
    }

    @Test
    void everyHostileRequestIsAFourHundredProblemAndChangesNothing() throws Exception {
        var sales1 = as("sales1");
        long customerId = Fixtures.customer(sales1, "Hostile Input Trading");
        long openOrderId = Fixtures.order(sales1, customerId).get("id").asLong();
        JsonNode closed = Fixtures.order(sales1, customerId);
        long closedOrderId = closed.get("id").asLong();
        lifecycle.close(closedOrderId, "sales1");
        var filed = sales1.post("/api/orders/" + closedOrderId + "/modification-requests", Map.of(
                "reason", "CORRECTION", "description", "Stage typo", "changes", Map.of("salesStage", "NEGOTIATION")));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        Ctx ctx = new Ctx(sales1, as("sales2"), anonymous(), customerId, openOrderId, closedOrderId,
                filed.json().get("id").asLong(), closed.get("orderNumber").asText());

        List<Case> cases = cases(customerId);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);

        awaitQuiet();
        Map<String, Long> before = counts();
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Response response = c.send().apply(ctx);
            String type = response.contentType() == null ? "" : response.contentType();
            if (!c.expected().contains(response.status()) || !type.startsWith("application/problem+json")) {
                failures.add(c.name() + ": " + response.status() + " " + type + " " + abbreviate(response.text()));
            } else if (response.json().get("status") == null
                    || response.json().get("status").asInt() != response.status()) {
                failures.add(c.name() + ": problem body without the status: " + abbreviate(response.text()));
            }
        }
        assertThat(failures).as("hostile requests answered wrongly").isEmpty();
        awaitQuiet();
        assertThat(counts()).as("row counts after the hostile requests").isEqualTo(before);
    }

    /** Script and SQL payloads are data: stored verbatim, served back as JSON strings, never run. */
    @Test
    void scriptAndSqlInStringsComeBackAsData() {
        var sales1 = as("sales1");
        String script = "<script>alert('owned')</script>";
        String sql = "Robert'); DROP TABLE sales_order;--";
        var created = sales1.post("/api/customers", Map.of("name", script, "email", "x@hostile.test",
                "contactPerson", sql, "address", "1' OR '1'='1"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        JsonNode customer = sales1.get("/api/customers/" + created.json().get("id").asLong()).json();
        assertThat(customer.get("name").asText()).isEqualTo(script);
        assertThat(customer.get("contactPerson").asText()).isEqualTo(sql);
        assertThat(customer.get("address").asText()).isEqualTo("1' OR '1'='1");
        assertThat(jdbc.queryForObject("select count(*) from sales_order", Long.class)).isNotNull();

        Map<String, Object> body = new HashMap<>(Fixtures.orderBody(created.json().get("id").asLong(), 1, "10"));
        body.put("lines", List.of(Map.of("sku", "X'; DELETE FROM order_line;--", "description", script,
                "quantity", 1, "unitPrice", "10")));
        var order = sales1.post("/api/orders", body);
        assertThat(order.status()).as(order.text()).isEqualTo(201);
        JsonNode line = sales1.get("/api/orders/" + order.json().get("id").asLong()).json().get("lines").get(0);
        assertThat(line.get("sku").asText()).isEqualTo("X'; DELETE FROM order_line;--");
        assertThat(line.get("description").asText()).isEqualTo(script);
        assertThat(jdbc.queryForObject("select count(*) from order_line", Long.class)).isPositive();
    }

    private List<Case> cases(long customerId) throws Exception {
        List<Case> cases = new ArrayList<>();
        String goodOrder = JSON.writeValueAsString(Fixtures.orderBody(customerId, 1, "10.00"));

        // --- creating orders: broken JSON and wrong shapes
        cases.add(postOrderRaw("malformed JSON", "{\"customerId\": 1, \"lines\": ["));
        cases.add(postOrderRaw("truncated JSON", goodOrder.substring(0, goodOrder.length() / 2)));
        cases.add(postOrderRaw("empty body", ""));
        cases.add(postOrderRaw("JSON null", "null"));
        cases.add(postOrderRaw("JSON array instead of object", "[" + goodOrder + "]"));
        cases.add(postOrderRaw("JSON string instead of object", "\"order\""));
        cases.add(postOrderRaw("trailing garbage", goodOrder + "}}}"));
        cases.add(postOrderRaw("not JSON at all", "customerId=1&currency=EUR"));
        cases.add(postOrderRaw("NaN literal", goodOrder.replace("\"10.00\"", "NaN")));
        cases.add(postOrderRaw("deep nesting", "[".repeat(5000) + "]".repeat(5000)));
        cases.add(new Case("invalid UTF-8", c -> c.sales1().postRaw("/api/orders", "application/json",
                new byte[] { '{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' }), Set.of(400)));
        // --- wrong types and absurd numbers
        cases.add(postOrder("customerId as text", customerId, o -> o.put("customerId", "one")));
        cases.add(postOrder("customerId overflows a long", customerId, o -> o.put("customerId",
                new java.math.BigInteger("99999999999999999999999"))));
        cases.add(postOrder("unknown customer", customerId, o -> o.put("customerId", 987_654_321L)));
        cases.add(postOrder("quantity as text", customerId, o -> line(o).put("quantity", "lots")));
        cases.add(postOrder("quantity as fraction", customerId, o -> line(o).put("quantity", 1.5)));
        cases.add(postOrder("quantity 1e30", customerId, o -> line(o).put("quantity", new java.math.BigDecimal("1e30"))));
        cases.add(postOrder("quantity beyond int", customerId, o -> line(o).put("quantity", 3_000_000_000L)));
        cases.add(postOrder("negative quantity", customerId, o -> line(o).put("quantity", -1)));
        cases.add(postOrder("zero quantity", customerId, o -> line(o).put("quantity", 0)));
        cases.add(postOrder("negative unit price", customerId, o -> line(o).put("unitPrice", "-10.00")));
        cases.add(postOrder("unit price 1e400", customerId, o -> line(o).put("unitPrice", new java.math.BigDecimal("1e400"))));
        cases.add(postOrder("unit price with 9 decimals", customerId, o -> line(o).put("unitPrice", "0.000000001")));
        cases.add(postOrder("unit price as object", customerId, o -> line(o).put("unitPrice", Map.of("amount", 1))));
        cases.add(postOrder("discount 150 %", customerId, o -> o.put("discountPercent", 150)));
        cases.add(postOrder("negative discount", customerId, o -> o.put("discountPercent", -5)));
        cases.add(postOrder("currency not ISO", customerId, o -> o.put("currency", "EURO")));
        cases.add(postOrder("SQL in currency", customerId, o -> o.put("currency", "EUR'; DROP TABLE sales_order;--")));
        cases.add(postOrder("no lines", customerId, o -> o.put("lines", List.of())));
        cases.add(postOrder("null line", customerId, o -> o.put("lines", Arrays.asList((Object) null))));
        cases.add(postOrder("10k lines", customerId, o -> o.put("lines", java.util.Collections.nCopies(10_000,
                Map.of("sku", "S", "description", "d", "quantity", 1, "unitPrice", "1")))));
        cases.add(postOrder("delivery date not a date", customerId, o -> contract(o).put("deliveryDate", "tomorrow")));
        cases.add(postOrder("payment terms 10000 days", customerId, o -> contract(o).put("paymentTermsDays", 10_000)));
        cases.add(postOrder("no contract", customerId, o -> o.remove("contract")));
        cases.add(postOrder("unknown field", customerId, o -> o.put("approvedBy", "admin")));
        cases.add(postOrder("unknown field in a line", customerId, o -> line(o).put("discount", 99)));
        cases.add(postOrder("owner smuggled in", customerId, o -> o.put("owner", "sales2")));
        cases.add(postOrder("status smuggled in", customerId, o -> o.put("status", "CLOSED")));
        cases.add(new Case("oversize body (2 MiB)", c -> {
            byte[] body = new byte[2 * 1024 * 1024];
            Arrays.fill(body, (byte) ' ');
            body[0] = '{';
            return c.sales1().postRaw("/api/orders", "application/json", body);
        }, Set.of(413)));
        cases.add(new Case("wrong content type text/plain", c -> c.sales1().postRaw("/api/orders", "text/plain",
                goodOrder.getBytes(StandardCharsets.UTF_8)), Set.of(415)));
        cases.add(new Case("wrong content type XML", c -> c.sales1().postRaw("/api/orders", "application/xml",
                "<order/>".getBytes(StandardCharsets.UTF_8)), Set.of(415)));
        cases.add(new Case("form post to the API", c -> c.sales1().postRaw("/api/orders",
                "application/x-www-form-urlencoded", "customerId=1".getBytes(StandardCharsets.UTF_8)), Set.of(415)));
        cases.add(new Case("no auth", c -> c.anonymous().post("/api/orders", goodOrder), Set.of(401)));
        cases.add(new Case("unknown user", c -> new ApiClient(port, "intruder", "x").post("/api/orders", goodOrder),
                Set.of(401)));
        cases.add(new Case("no auth on engine REST", c -> c.anonymous().post("/engine-rest/process-definition/key/"
                + "order-modification/start", "{}"), Set.of(401)));

        // --- customers
        cases.add(new Case("customer with a bad email", c -> c.sales1().post("/api/customers",
                Map.of("name", "A", "email", "not-an-email")), Set.of(400)));
        cases.add(new Case("customer name of 10k characters", c -> c.sales1().post("/api/customers",
                Map.of("name", "x".repeat(10_000), "email", "a@b.test")), Set.of(400)));
        cases.add(new Case("NUL in a customer name (PostgreSQL text cannot hold it)", c -> c.sales1().post(
                "/api/customers", Map.of("name", "A\u0000B", "email", "a@b.test")), Set.of(400)));
        cases.add(new Case("SQL in a phone number", c -> c.sales1().post("/api/customers",
                Map.of("name", "A", "email", "a@b.test", "phone", "1; DROP TABLE customer")), Set.of(400)));
        cases.add(new Case("unknown customer id", c -> c.sales1().get("/api/customers/999999999"), Set.of(404)));
        cases.add(new Case("customer id not a number", c -> c.sales1().get("/api/customers/1%20OR%201=1"), Set.of(400)));

        // --- reading and changing orders
        cases.add(new Case("unknown order", c -> c.sales1().get("/api/orders/999999999"), Set.of(404)));
        cases.add(new Case("order id not a number", c -> c.sales1().get("/api/orders/abc"), Set.of(400)));
        cases.add(new Case("order id overflows", c -> c.sales1().get("/api/orders/99999999999999999999999"), Set.of(400)));
        cases.add(new Case("page size 100000", c -> c.sales1().get("/api/orders?size=100000"), Set.of(400)));
        cases.add(new Case("negative page", c -> c.sales1().get("/api/orders?page=-1"), Set.of(400)));
        cases.add(new Case("unknown status filter", c -> c.sales1().get("/api/orders?status=PWNED"), Set.of(400)));
        cases.add(new Case("wrong owner reads", c -> c.sales2().get("/api/orders/" + c.openOrderId()), Set.of(403, 404)));
        cases.add(new Case("wrong owner patches", c -> c.sales2().patch("/api/orders/" + c.openOrderId(), "\"0\"",
                Map.of("discountPercent", 1)), Set.of(403, 404)));
        cases.add(new Case("wrong owner closes", c -> c.sales2().post("/api/orders/" + c.openOrderId() + "/close",
                ""), Set.of(403, 404)));
        cases.add(new Case("patch without If-Match", c -> c.sales1().patch("/api/orders/" + c.openOrderId(), null,
                Map.of("discountPercent", 1)), Set.of(428)));
        cases.add(new Case("patch with a stale ETag", c -> c.sales1().patch("/api/orders/" + c.openOrderId(),
                "\"999\"", Map.of("discountPercent", 1)), Set.of(412)));
        cases.add(new Case("patch with a garbage ETag", c -> c.sales1().patch("/api/orders/" + c.openOrderId(),
                "'; DROP TABLE x", Map.of("discountPercent", 1)), Set.of(400, 412)));
        cases.add(new Case("patch a closed order", c -> c.sales1().patch("/api/orders/" + c.closedOrderId(), "\"1\"",
                Map.of("discountPercent", 1)), Set.of(409, 412)));
        cases.add(new Case("patch with an unknown field", c -> c.sales1().patch("/api/orders/" + c.openOrderId(),
                "\"0\"", Map.of("total", 1)), Set.of(400)));
        cases.add(new Case("DELETE an order", c -> c.sales1().send("DELETE", "/api/orders/" + c.openOrderId(), null,
                null), Set.of(405)));
        cases.add(new Case("PUT an order", c -> c.sales1().send("PUT", "/api/orders/" + c.openOrderId(),
                "application/json", goodOrder), Set.of(405)));
        cases.add(new Case("DELETE the revisions", c -> c.sales1().send("DELETE", "/api/orders/" + c.openOrderId()
                + "/revisions", null, null), Set.of(405)));
        cases.add(new Case("negative invoice", c -> as("finance1").post("/api/orders/" + c.openOrderId() + "/invoices",
                Map.of("amount", "-100")), Set.of(400)));
        cases.add(new Case("invoice of 1e20", c -> as("finance1").post("/api/orders/" + c.openOrderId() + "/invoices",
                Map.of("amount", new java.math.BigDecimal("1e20"))), Set.of(400)));
        cases.add(new Case("reopen without a reason", c -> c.sales1().post("/api/orders/" + c.closedOrderId()
                + "/reopen", Map.of()), Set.of(400)));
        cases.add(new Case("unknown revision", c -> c.sales1().get("/api/orders/" + c.openOrderId()
                + "/revisions/9999"), Set.of(404)));
        cases.add(new Case("restore an unknown revision", c -> c.sales1().post("/api/orders/" + c.closedOrderId()
                + "/revisions/9999/restore", Map.of("description", "x")), Set.of(404, 400)));
        cases.add(new Case("unknown report", c -> c.sales1().get("/api/reports/999999999"), Set.of(404)));
        cases.add(new Case("deliver an unknown delivery", c -> c.sales1().post("/api/orders/" + c.openOrderId()
                + "/deliveries/999999999/delivered", ""), Set.of(404)));

        // --- modification requests
        cases.add(modification("unknown top-level field", m -> m.put("approved", true)));
        cases.add(modification("unknown field path", m -> m.put("changes", Map.of("owner", "sales2"))));
        cases.add(modification("SQL as a field path", m -> m.put("changes", Map.of("salesStage = 'WON'; --", "x"))));
        cases.add(modification("no-op change", m -> m.put("changes", Map.of("salesStage", "WON"))));
        cases.add(modification("no changes", m -> m.put("changes", Map.of())));
        cases.add(modification("changes not an object", m -> m.put("changes", List.of("salesStage"))));
        cases.add(modification("negative discount", m -> m.put("changes", Map.of("discountPercent", -5))));
        cases.add(modification("discount as text", m -> m.put("changes", Map.of("discountPercent", "lots"))));
        cases.add(modification("unknown sales stage", m -> m.put("changes", Map.of("salesStage", "HACKED"))));
        cases.add(modification("payment terms of 1e9 days", m -> m.put("changes",
                Map.of("contract.paymentTermsDays", 1_000_000_000))));
        cases.add(modification("delivery date garbage", m -> m.put("changes",
                Map.of("contract.deliveryDate", "<script>alert(1)</script>"))));
        cases.add(modification("contact person longer than the customer column", m -> m.put("changes",
                Map.of("customer.contactPerson", "x".repeat(201)))));
        cases.add(modification("NUL in a contact person", m -> m.put("changes",
                Map.of("customer.contactPerson", "Wang\u0000Fang"))));
        cases.add(modification("bad customer email", m -> m.put("changes", Map.of("customer.email", "nope"))));
        cases.add(modification("unknown reason", m -> m.put("reason", "BECAUSE")));
        cases.add(modification("no description", m -> m.remove("description")));
        cases.add(modification("21 changes", m -> {
            Map<String, Object> many = new LinkedHashMap<>();
            for (int i = 0; i < 21; i++) {
                many.put("field" + i, i);
            }
            m.put("changes", many);
        }));
        cases.add(new Case("request on an unknown order", c -> c.sales1().post(
                "/api/orders/999999999/modification-requests", modificationBody()), Set.of(404)));
        cases.add(new Case("request on another rep's order", c -> c.sales2().post("/api/orders/" + c.closedOrderId()
                + "/modification-requests", modificationBody()), Set.of(403, 404)));
        cases.add(new Case("unknown request", c -> c.sales1().get("/api/modification-requests/999999999"),
                Set.of(404)));
        cases.add(new Case("withdraw someone else's request", c -> c.sales2().post("/api/modification-requests/"
                + c.requestId() + "/withdraw", ""), Set.of(403, 404)));
        cases.add(new Case("resubmit a request in approval", c -> c.sales1().post("/api/modification-requests/"
                + c.requestId() + "/resubmit", Map.of("changes", Map.of("salesStage", "PROPOSAL"))), Set.of(409)));
        cases.add(new Case("GET on the withdraw action", c -> c.sales1().get("/api/modification-requests/"
                + c.requestId() + "/withdraw"), Set.of(405)));
        cases.add(new Case("unknown API path", c -> c.sales1().get("/api/orders/1/../../admin/secrets"), Set.of(400, 404)));
        cases.add(new Case("unknown API resource", c -> c.sales1().post("/api/users", Map.of("id", "root")),
                Set.of(404)));
        return cases;
    }

    private static Case postOrderRaw(String name, String body) {
        return new Case(name, c -> c.sales1().postRaw("/api/orders", "application/json",
                body.getBytes(StandardCharsets.UTF_8)),
                Set.of(400));
    }

    private static Case postOrder(String name, long customerId, java.util.function.Consumer<Map<String, Object>> edit) {
        Map<String, Object> order = deepCopy(Fixtures.orderBody(customerId, 1, "10.00"));
        edit.accept(order);
        return new Case(name, c -> c.sales1().post("/api/orders", order), Set.of(400));
    }

    private Case modification(String name, java.util.function.Consumer<Map<String, Object>> edit) {
        Map<String, Object> body = modificationBody();
        edit.accept(body);
        return new Case("modification request: " + name, c -> c.sales1().post("/api/orders/" + c.closedOrderId()
                + "/modification-requests", body), Set.of(400));
    }

    private static Map<String, Object> modificationBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", "CORRECTION");
        body.put("description", "Hostile");
        body.put("changes", Map.of("discountPercent", 3));
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(Map<String, Object> order) {
        return ((List<Map<String, Object>>) order.get("lines")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contract(Map<String, Object> order) {
        return (Map<String, Object>) order.get("contract");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> source) {
        return JSON.convertValue(source, LinkedHashMap.class);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    /** Jobs of earlier tests (emails, reports) may still be running; wait until the engine has nothing due. */
    private void awaitQuiet() {
        Await.until("the job executor has nothing due", Duration.ofSeconds(90),
                () -> management.createJobQuery().executable().count() == 0
                        && jdbc.queryForObject("select count(*) from act_ru_job where lock_owner_ is not null",
                                Long.class) == 0);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
