package com.orderflow.settlement;

import static com.orderflow.settlement.MoneySteps.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Approvals;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;
import com.orderflow.support.Mailbox;

/** Money and goods follow every change of an order: the stories of the issue, on PostgreSQL and GreenMail. */
class MoneyAndGoodsIT extends IntegrationTest {

    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    JdbcTemplate jdbc;

    private MoneySteps steps() {
        return new MoneySteps(as("sales1"), as("finance1"));
    }

    @Test
    void aClosedOrderGainsAModuleAndALaterDeliveryDateAndMoneyAndGoodsFollow() {
        MoneySteps steps = steps();
        ApiClient sales1 = as("sales1");
        JsonNode order = steps.openOrder(Fixtures.customer(sales1, "Case Study Machinery"),
                List.of(line("ERP", 1, "100000.00")));
        long id = order.get("id").asLong();
        String number = order.get("orderNumber").asText();
        steps.deliverAll(id);
        String firstInvoice = steps.invoice(id, "100000.00").get("number").asText();
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

        // Finance is asked to settle +25,000.00: the first invoice waits for it.
        JsonNode settlement = steps.openSettlement(id);
        assertThat(settlement.get("oldTotal").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(settlement.get("newTotal").decimalValue()).isEqualByComparingTo("125000.00");
        assertThat(settlement.get("invoicedBalance").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(settlement.get("difference").decimalValue()).isEqualByComparingTo("25000.00");
        assertThat(settlement.get("proposedAction").asText()).isEqualTo("SUPPLEMENTARY_INVOICE");
        assertThat(steps.invoices(id).get(0).get("status").asText()).isEqualTo("NEEDS_REISSUE");
        var task = as("finance1").get("/engine-rest/task/" + settlement.get("taskId").asText()).json();
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("settle-invoices");
        Await.until("finance is emailed", () -> Mailbox.about(number, "finance1@orderflow.local").size() > 0);

        steps.settleAsProposed(settlement);

        JsonNode invoices = steps.invoices(id);
        assertThat(invoices).hasSize(2);
        assertThat(invoices.get(0).get("number").asText()).isEqualTo(firstInvoice);
        assertThat(invoices.get(0).get("status").asText()).isEqualTo("ISSUED");
        assertThat(invoices.get(1).get("number").asText()).matches("INV-\\d{4}-\\d{6}");
        assertThat(invoices.get(1).get("amount").decimalValue()).isEqualByComparingTo("25000.00");
        assertThat(steps.order(id).get("invoicedBalance").decimalValue()).isEqualByComparingTo("125000.00");
        assertThat(as("finance1").get("/api/orders/" + id + "/settlements").json().get(0).get("status").asText())
                .isEqualTo("SETTLED");
        JsonNode reports = sales1.get("/api/orders/" + id + "/reports").json();
        assertThat(reports.findValuesAsText("type")).contains("INVOICE");

        // The new module is scheduled on the new date; the delivered ERP stays as it was.
        JsonNode deliveries = steps.deliveries(id);
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(0).get("status").asText()).isEqualTo("DELIVERED");
        assertThat(deliveries.get(1).get("type").asText()).isEqualTo("DELIVERY");
        assertThat(deliveries.get(1).get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(deliveries.get(1).get("scheduledDate").asText()).isEqualTo("2027-01-30");
        assertThat(deliveries.get(1).get("lines").toString()).isEqualTo("[{\"sku\":\"MOBILE\",\"quantity\":1}]");
        Await.until("delivery is told of the new module", () -> Mailbox.about(number, "delivery1@orderflow.local")
                .size() > 0);
        Await.until("the owner is told what was issued", () -> Mailbox.about(number, "sales1@orderflow.local")
                .stream().anyMatch(m -> m.subject().contains("结算") || m.subject().contains("settled")));

        steps.deliverAll(id);
        assertThat(findingsOf(id)).isEmpty();
    }

    @Test
    void correctingTheDiscountOfAReopenedOrderIsCreditedByFinanceAndTheOrderClosesAgain() {
        MoneySteps steps = steps();
        ApiClient sales1 = as("sales1");
        long id = steps.openOrder(Fixtures.customer(sales1, "Discount Correction Ltd"),
                List.of(line("ERP", 1, "100000.00"))).get("id").asLong();
        steps.deliverAll(id);
        steps.invoice(id, "100000.00");
        lifecycle.close(id, "sales1");
        lifecycle.reopen(id, "admin");

        var current = sales1.get("/api/orders/" + id);
        var patched = sales1.patch("/api/orders/" + id, current.header("ETag"), Map.of("discountPercent", 10));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.json().get("total").decimalValue()).isEqualByComparingTo("90000.00");

        var close = sales1.post("/api/orders/" + id + "/close", "");
        assertThat(close.status()).as(close.text()).isEqualTo(202);
        String closing = close.json().get("processInstanceId").asText();
        assertThat(steps.failedChecks(closing)).contains("exceeds it by 10000.00 CNY")
                .contains("waiting for finance");

        JsonNode settlement = steps.openSettlement(id);
        assertThat(settlement.get("proposedAction").asText()).isEqualTo("CREDIT_NOTE");
        assertThat(settlement.get("proposedAmount").decimalValue()).isEqualByComparingTo("10000.00");
        steps.settleAsProposed(settlement);

        JsonNode notes = sales1.get("/api/orders/" + id + "/credit-notes").json();
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("number").asText()).matches("CN-\\d{4}-\\d{6}");
        assertThat(notes.get(0).get("amount").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(steps.invoices(id).get(0).get("remaining").decimalValue()).isEqualByComparingTo("90000.00");

        steps.retryClosing(closing);
        Await.until("order " + id + " is closed", () -> "CLOSED".equals(steps.order(id).get("status").asText()));
        assertThat(sales1.get("/api/orders/" + id + "/reports").json().findValuesAsText("type"))
                .contains("CREDIT_NOTE");
    }

    @Test
    void aLineReducedAfterDeliverySchedulesAReturnAndTheOrderClosesOnlyOnceItIsBack() {
        MoneySteps steps = steps();
        ApiClient sales1 = as("sales1");
        long id = steps.openOrder(Fixtures.customer(sales1, "Returning Goods GmbH"),
                List.of(line("PUMP", 3, "1000.00"))).get("id").asLong();
        steps.deliverAll(id);
        var current = sales1.get("/api/orders/" + id);
        var patched = sales1.patch("/api/orders/" + id, current.header("ETag"),
                Map.of("lines", List.of(line("PUMP", 1, "1000.00"))));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        steps.invoice(id, "1000.00");

        JsonNode deliveries = steps.deliveries(id);
        assertThat(deliveries).hasSize(2);
        JsonNode ret = deliveries.get(1);
        assertThat(ret.get("type").asText()).isEqualTo("RETURN");
        assertThat(ret.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(ret.get("lines").toString()).isEqualTo("[{\"sku\":\"PUMP\",\"quantity\":2}]");

        var close = sales1.post("/api/orders/" + id + "/close", "");
        String closing = close.json().get("processInstanceId").asText();
        assertThat(steps.failedChecks(closing)).contains("Return " + ret.get("id").asLong())
                .contains("PUMP ordered 1, delivered 3, returned 0");

        var back = sales1.post("/api/orders/" + id + "/deliveries/" + ret.get("id").asLong() + "/delivered", "");
        assertThat(back.status()).as(back.text()).isEqualTo(200);
        assertThat(back.json().get("type").asText()).isEqualTo("RETURN");
        steps.retryClosing(closing);
        Await.until("order " + id + " is closed", () -> "CLOSED".equals(steps.order(id).get("status").asText()));
    }

    @Test
    void aDirectEditAndAModificationWithTheSameChangeLeaveTheSameRecords() {
        MoneySteps steps = steps();
        ApiClient sales1 = as("sales1");
        long customer = Fixtures.customer(sales1, "Twin Orders Co");
        long direct = preparedTwin(steps, customer);
        long requested = preparedTwin(steps, customer);
        List<Map<String, Object>> newLines = List.of(line("ERP", 1, "1000.00"), line("MOBILE", 1, "500.00"));

        var current = sales1.get("/api/orders/" + direct);
        assertThat(sales1.patch("/api/orders/" + direct, current.header("ETag"), Map.of("lines", newLines)).status())
                .isEqualTo(200);
        var filed = sales1.post("/api/orders/" + requested + "/modification-requests", Map.of("reason", "CORRECTION",
                "description", "Same change as the direct edit", "changes", Map.of("lines", newLines)));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long requestId = filed.json().get("id").asLong();
        Approvals.approveEveryRequiredGroup(this::as, "sales1", requestId);
        Await.until("request " + requestId + " is applied", () -> "APPLIED".equals(
                sales1.get("/api/modification-requests/" + requestId).json().get("status").asText()));

        assertThat(records(steps, requested)).isEqualTo(records(steps, direct));
        assertThat(consequences(requested)).isEqualTo(consequences(direct))
                .containsExactly("DELIVERIES_CHANGED", "INVOICES_NEED_SETTLEMENT", "SETTLEMENT_OPENED");
        JsonNode directSettlement = steps.openSettlement(direct);
        JsonNode requestedSettlement = steps.openSettlement(requested);
        assertThat(requestedSettlement.get("difference")).isEqualTo(directSettlement.get("difference"));
        assertThat(requestedSettlement.get("proposedAction")).isEqualTo(directSettlement.get("proposedAction"));
        assertThat(revisionState(requested)).isEqualTo(revisionState(direct));
    }

    @Test
    void theReviewLeavesAnOrderBeingSettledToFinanceAndClearsTheReissueOnceSettled() {
        MoneySteps steps = steps();
        ApiClient sales1 = as("sales1");
        long id = steps.openOrder(Fixtures.customer(sales1, "Review Settlement Co"), List.of(line("ERP", 1, "800.00")))
                .get("id").asLong();
        steps.deliverAll(id);
        steps.invoice(id, "800.00");
        var current = sales1.get("/api/orders/" + id);
        assertThat(sales1.patch("/api/orders/" + id, current.header("ETag"),
                Map.of("lines", List.of(line("ERP", 1, "900.00")))).status()).isEqualTo(200);
        steps.deliverAll(id);
        lifecycle.close(id, "sales1");
        // Finance has sat on it for long: the reissue is overdue, but the difference is their open work.
        jdbc.update("update invoice set status_changed_at = now() - interval '400 days' where order_id = ?", id);

        assertThat(findingsOf(id)).containsExactly("REISSUE_OVERDUE");

        steps.settleAsProposed(steps.openSettlement(id));
        assertThat(findingsOf(id)).isEmpty();
    }

    /** An open order of 2 x ERP, delivered and invoiced in full. */
    private long preparedTwin(MoneySteps steps, long customer) {
        long id = steps.openOrder(customer, List.of(line("ERP", 2, "1000.00"))).get("id").asLong();
        steps.deliverAll(id);
        steps.invoice(id, "2000.00");
        return id;
    }

    /** Invoices and deliveries without their ids and numbers. */
    private static List<String> records(MoneySteps steps, long orderId) {
        List<String> records = new ArrayList<>();
        steps.invoices(orderId).forEach(i -> records.add("invoice " + i.get("amount").decimalValue().toPlainString()
                + " " + i.get("credited").decimalValue().toPlainString() + " " + i.get("status").asText()));
        steps.deliveries(orderId).forEach(d -> records.add(d.get("type").asText() + " " + d.get("status").asText()
                + " " + d.get("scheduledDate").asText() + " " + d.get("lines")));
        records.add("total " + steps.order(orderId).get("total").decimalValue().toPlainString());
        records.add("balance " + steps.order(orderId).get("invoicedBalance").decimalValue().toPlainString());
        return records;
    }

    /** The audit events that followed the change, whichever way it came. */
    private List<String> consequences(long orderId) {
        List<String> actions = new ArrayList<>(as("sales1").get("/api/orders/" + orderId + "/audit").json()
                .findValuesAsText("action"));
        actions.retainAll(List.of("DELIVERIES_CHANGED", "INVOICES_NEED_SETTLEMENT", "SETTLEMENT_OPENED"));
        return actions;
    }

    /** The latest revision's state, without what names the order. */
    private String revisionState(long orderId) {
        ApiClient sales1 = as("sales1");
        int revision = sales1.get("/api/orders/" + orderId).json().get("revision").asInt();
        JsonNode state = sales1.get("/api/orders/" + orderId + "/revisions/" + revision).json().get("order");
        return state.get("total") + " " + state.get("lines") + " " + state.get("contract") + " "
                + StreamSupport.stream(state.get("deliveries").spliterator(), false)
                        .map(d -> d.get("type") + " " + d.get("status") + " " + d.get("lines")).toList()
                + " " + StreamSupport.stream(state.get("invoices").spliterator(), false)
                        .map(i -> i.get("amount") + " " + i.get("status")).toList();
    }

    /** The findings of a fresh review about this order. */
    private List<String> findingsOf(long orderId) {
        ApiClient admin = as("admin");
        var started = admin.post("/api/admin/reviews", "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        long reviewId = started.json().get("reviewId").asLong();
        Await.until("review " + reviewId + " is scanned", Duration.ofSeconds(120), () -> !"RUNNING".equals(
                admin.get("/api/reviews/" + reviewId).json().at("/review/status").asText()));
        List<String> kinds = new ArrayList<>();
        admin.get("/api/reviews/" + reviewId).json().get("findings").forEach(f -> {
            if (f.get("orderId").asLong() == orderId) {
                kinds.add(f.get("kind").asText());
            }
        });
        return kinds;
    }
}
