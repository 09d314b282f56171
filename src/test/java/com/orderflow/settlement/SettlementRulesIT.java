package com.orderflow.settlement;

import static com.orderflow.settlement.MoneySteps.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.support.ApiClient;
import com.orderflow.support.CapturedLogs;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Bad input to invoices, credit notes and the settle task: a clear 4xx, and nothing changed. */
class SettlementRulesIT extends IntegrationTest {

    @Autowired
    OrderLifecycle lifecycle;

    @Test
    void creditNotesAndVoidsKeepToWhatIsLeftOnTheInvoice() {
        ApiClient sales1 = as("sales1");
        ApiClient finance1 = as("finance1");
        MoneySteps steps = new MoneySteps(sales1, finance1);
        long id = steps.openOrder(Fixtures.customer(sales1, "Credit Rules Ltd"), List.of(line("ERP", 1, "1000.00")))
                .get("id").asLong();
        long invoice = steps.invoice(id, "1000.00").get("id").asLong();
        String credit = "/api/invoices/" + invoice + "/credit-notes";

        expectProblem(finance1.post(credit, Map.of("amount", "1000.01", "reason", "Too much")), 409);
        expectProblem(finance1.post(credit, Map.of("amount", "0", "reason", "Nothing")), 400);
        expectProblem(finance1.post(credit, Map.of("amount", "-5", "reason", "Negative")), 400);
        expectProblem(finance1.post(credit, Map.of("amount", "5")), 400);
        expectProblem(finance1.post("/api/orders/" + id + "/invoices", Map.of("amount", "0")), 400);
        expectProblem(sales1.post(credit, Map.of("amount", "5", "reason", "The owner credits")), 403);
        expectProblem(as("sales2").post(credit, Map.of("amount", "5", "reason", "Another rep")), 404);
        expectProblem(as("sales2").get("/api/invoices/" + invoice), 404);
        assertThat(sales1.get("/api/orders/" + id + "/credit-notes").json()).isEmpty();
        assertThat(finance1.get("/api/invoices/" + invoice).json().get("remaining").decimalValue())
                .isEqualByComparingTo("1000.00");

        var note = finance1.post(credit, Map.of("amount", "400.00", "reason", "Discount agreed"));
        assertThat(note.status()).as(note.text()).isEqualTo(201);
        assertThat(finance1.get("/api/credit-notes/" + note.json().get("id").asLong()).json().get("invoiceNumber")
                .asText()).isEqualTo(finance1.get("/api/invoices/" + invoice).json().get("number").asText());
        expectProblem(finance1.post(credit, Map.of("amount", "600.01", "reason", "Beyond the rest")), 409);
        expectProblem(finance1.post("/api/invoices/" + invoice + "/void", Map.of("reason", "Credited already")), 409);
        assertThat(steps.order(id).get("invoicedBalance").decimalValue()).isEqualByComparingTo("600.00");

        long second = steps.invoice(id, "50.00").get("id").asLong();
        expectProblem(finance1.post("/api/invoices/" + second + "/void", Map.of()), 400);
        var voided = finance1.post("/api/invoices/" + second + "/void", Map.of("reason", "Issued twice"));
        assertThat(voided.status()).as(voided.text()).isEqualTo(200);
        assertThat(voided.json().get("status").asText()).isEqualTo("VOID");
        assertThat(voided.json().get("voidReason").asText()).isEqualTo("Issued twice");
        expectProblem(finance1.post("/api/invoices/" + second + "/void", Map.of("reason", "Again")), 409);
        expectProblem(finance1.post("/api/invoices/" + second + "/credit-notes", Map.of("amount", "1",
                "reason", "On a void one")), 409);
        assertThat(steps.order(id).get("invoicedBalance").decimalValue()).isEqualByComparingTo("600.00");
    }

    @Test
    void aSettleTaskWithDocumentsThatDoNotAddUpIsRefusedAndNothingIsIssued() {
        ApiClient sales1 = as("sales1");
        ApiClient finance1 = as("finance1");
        MoneySteps steps = new MoneySteps(sales1, finance1);
        long id = raisedTotal(steps, "Refused Settlement Co");
        JsonNode settlement = steps.openSettlement(id);
        String taskId = settlement.get("taskId").asText();

        CapturedLogs logs = new CapturedLogs();
        logs.start();
        try {
            expectProblem(MoneySteps.settle(finance1, taskId, "SUPPLEMENTARY_INVOICE", "100.00"), 400);
        } finally {
            logs.stop();
        }
        // A normal refusal is one WARN line with its reason, not the engine's ERROR with a stack trace.
        assertThat(logs.containing("must be 500.00, not 100.00")).singleElement()
                .extracting(ILoggingEvent::getLevel).isEqualTo(Level.WARN);
        assertThat(logs.fromLogger("org.camunda.bpm.engine.context")).isEmpty();
        expectProblem(MoneySteps.settle(finance1, taskId, "CREDIT_NOTE", "500.00"), 400);
        expectProblem(MoneySteps.settle(finance1, taskId, "NONE", "0.00"), 400);
        expectProblem(MoneySteps.settle(finance1, taskId, "SUPPLEMENTARY_INVOICE", "lots"), 400);
        expectProblem(MoneySteps.settle(finance1, taskId, "PAY_LATER", "500.00"), 400);
        // Only the form's editable fields are taken: no pointing the task at another settlement or order.
        var smuggled = finance1.post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", Map.of(
                "settlementAction", Map.of("value", "SUPPLEMENTARY_INVOICE", "type", "String"),
                "settlementAmount", Map.of("value", "500.00", "type", "String"),
                "settlementId", Map.of("value", 1, "type", "Long"))));
        assertThat(smuggled.status()).as(smuggled.text()).isEqualTo(400);
        // A rep may not even see finance's task, let alone settle it.
        var rep = MoneySteps.settle(sales1, taskId, "SUPPLEMENTARY_INVOICE", "500.00");
        assertThat(rep.status()).as(rep.text()).isBetween(403, 404);
        var repStart = sales1.post("/engine-rest/process-definition/key/invoice-settlement/start",
                Map.of("businessKey", steps.order(id).get("orderNumber").asText()));
        assertThat(repStart.status()).as(repStart.text()).isEqualTo(403);

        assertThat(steps.invoices(id)).hasSize(1);
        assertThat(finance1.get("/engine-rest/task/" + taskId).status()).isEqualTo(200);
        assertThat(finance1.get("/api/orders/" + id + "/settlements").json().get(0).get("status").asText())
                .isEqualTo("OPEN");
    }

    @Test
    void twoFinanceUsersSettlingAtOnceIssueOneDocument() throws Exception {
        MoneySteps steps = new MoneySteps(as("sales1"), as("finance1"));
        long id = raisedTotal(steps, "Concurrent Settlement Co");
        String taskId = steps.openSettlement(id).get("taskId").asText();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> settlers = List.of("finance1", "admin").stream().<Callable<Integer>>map(user -> () -> {
                start.await();
                return MoneySteps.settle(as(user), taskId, "SUPPLEMENTARY_INVOICE", "500.00").status();
            }).toList();
            List<Future<Integer>> results = settlers.stream().map(pool::submit).toList();
            start.countDown();
            List<Integer> statuses = List.of(results.get(0).get(), results.get(1).get());
            assertThat(statuses).containsOnlyOnce(204);
            assertThat(statuses).allMatch(s -> s == 204 || (s >= 400 && s < 500));
        } finally {
            pool.shutdownNow();
        }
        assertThat(steps.invoices(id)).hasSize(2);
        assertThat(steps.order(id).get("invoicedBalance").decimalValue()).isEqualByComparingTo("1500.00");
    }

    @Test
    void aSecondChangeWhileFinanceSettlesMovesTheOpenSettlement() {
        ApiClient sales1 = as("sales1");
        MoneySteps steps = new MoneySteps(sales1, as("finance1"));
        long id = raisedTotal(steps, "Moving Settlement Co");
        String taskId = steps.openSettlement(id).get("taskId").asText();
        var current = sales1.get("/api/orders/" + id);
        assertThat(sales1.patch("/api/orders/" + id, current.header("ETag"),
                Map.of("lines", List.of(line("ERP", 1, "1800.00")))).status()).isEqualTo(200);

        JsonNode settlements = as("finance1").get("/api/orders/" + id + "/settlements").json();
        assertThat(settlements).hasSize(1);
        JsonNode moved = settlements.get(0);
        assertThat(moved.get("taskId").asText()).isEqualTo(taskId);
        assertThat(moved.get("difference").decimalValue()).isEqualByComparingTo("800.00");
        assertThat(as("finance1").get("/engine-rest/task/" + taskId + "/variables/settlementAmount").json()
                .get("value").asText()).isEqualTo("800.00");
        // The amount finance saw before the second change no longer adds up.
        assertThat(MoneySteps.settle(as("finance1"), taskId, "SUPPLEMENTARY_INVOICE", "500.00").status())
                .isEqualTo(400);
        steps.settleAsProposed(moved);
        assertThat(steps.order(id).get("invoicedBalance").decimalValue()).isEqualByComparingTo("1800.00");
    }

    @Test
    void documentsFinanceIssuesDirectlyMoveTheTaskAndOnceTheyBalanceTheOrderEndIt() {
        ApiClient finance1 = as("finance1");
        MoneySteps steps = new MoneySteps(as("sales1"), finance1);
        long id = raisedTotal(steps, "Direct Settlement Co");
        String taskId = steps.openSettlement(id).get("taskId").asText();

        steps.invoice(id, "200.00");
        assertThat(finance1.get("/engine-rest/task/" + taskId + "/variables/settlementAmount").json().get("value")
                .asText()).isEqualTo("300.00");
        steps.invoice(id, "300.00");

        assertThat(finance1.get("/engine-rest/task/" + taskId).status()).isEqualTo(404);
        JsonNode settlement = finance1.get("/api/orders/" + id + "/settlements").json().get(0);
        assertThat(settlement.get("status").asText()).isEqualTo("SETTLED");
        assertThat(settlement.get("settledBy").asText()).isEqualTo("finance1");
        assertThat(steps.invoices(id)).extracting(i -> i.get("status").asText()).containsOnly("ISSUED");
    }

    @Test
    void theApiDocumentsTheMoneyEndpoints() {
        JsonNode paths = as("sales1").get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/invoices/{id}/credit-notes")).isTrue();
        assertThat(paths.has("/api/invoices/{id}/void")).isTrue();
        assertThat(paths.has("/api/invoices/{id}")).isTrue();
        assertThat(paths.has("/api/credit-notes/{id}")).isTrue();
        assertThat(paths.has("/api/orders/{orderId}/settlements")).isTrue();
        assertThat(paths.has("/api/settlements/{id}")).isTrue();
        JsonNode schemas = as("sales1").get("/v3/api-docs").json().at("/components/schemas");
        assertThat(schemas.at("/OrderView/properties").has("invoicedBalance")).isTrue();
        assertThat(schemas.at("/DeliveryView/properties").has("type")).isTrue();
        assertThat(schemas.at("/DeliveryView/properties").has("lines")).isTrue();
    }

    /** An open order invoiced at 1000.00 whose total then rose to 1500.00: a settlement of +500.00 is open. */
    private long raisedTotal(MoneySteps steps, String customer) {
        ApiClient sales1 = as("sales1");
        long id = steps.openOrder(Fixtures.customer(sales1, customer), List.of(line("ERP", 1, "1000.00")))
                .get("id").asLong();
        steps.invoice(id, "1000.00");
        var current = sales1.get("/api/orders/" + id);
        var patched = sales1.patch("/api/orders/" + id, current.header("ETag"),
                Map.of("lines", List.of(line("ERP", 1, "1500.00"))));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        return id;
    }

    private static void expectProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).contains("application/problem+json");
    }
}
