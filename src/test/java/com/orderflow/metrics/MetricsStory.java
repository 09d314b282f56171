package com.orderflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;

/** The short story whose traces the metrics must show, over /api and /engine-rest as the real users. */
final class MetricsStory {

    private final ApiClient sales1;
    private final ApiClient finance1;
    private final OrderLifecycle lifecycle;

    MetricsStory(ApiClient sales1, ApiClient finance1, OrderLifecycle lifecycle) {
        this.sales1 = sales1;
        this.finance1 = finance1;
        this.lifecycle = lifecycle;
    }

    /** A closed order's contract change: sales managers and legal approve, the change is applied. */
    void contractChangeApprovedBySalesManagersAndLegal(ApiClient manager1, ApiClient legal1) {
        long orderId = Fixtures.order(sales1, Fixtures.customer(sales1, "Metrics Contract Co")).get("id").asLong();
        lifecycle.close(orderId, "sales1");
        JsonNode request = file(orderId, "CONTRACT_CHANGE", Map.of("contract.paymentTermsDays", 45));
        long id = request.get("id").asLong();
        awaitStatus(id, "IN_APPROVAL");
        String pid = sales1.get("/api/modification-requests/" + id).json().get("processInstanceId").asText();
        decide(manager1, pid, "sales-managers", true, null);
        decide(legal1, pid, "legal", true, null);
        awaitStatus(id, "APPLIED");
    }

    /** An open order's bigger discount: finance rejects it, the rep withdraws it. */
    void discountRejectedByFinanceThenWithdrawn() {
        long orderId = Fixtures.order(sales1, Fixtures.customer(sales1, "Metrics Discount Co")).get("id").asLong();
        JsonNode request = file(orderId, "CUSTOMER_REQUIREMENT", Map.of("discountPercent", 20));
        long id = request.get("id").asLong();
        awaitStatus(id, "IN_APPROVAL");
        decide(finance1, request.get("processInstanceId").asText(), "finance", false, "Too generous");
        awaitStatus(id, "REJECTED");
        var withdrawn = sales1.post("/api/modification-requests/" + id + "/withdraw", "");
        assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
        awaitStatus(id, "WITHDRAWN");
    }

    /** An invoiced order's total rises: finance settles the difference as proposed. */
    void settlement() {
        long customer = Fixtures.customer(sales1, "Metrics Settlement Co");
        var created = sales1.post("/api/orders", Map.of("customerId", customer, "currency", "CNY",
                "lines", List.of(line("800.00")), "contract", Map.of("paymentTermsDays", 30,
                        "deliveryDate", "2027-01-15", "warrantyMonths", 12, "clauses", "Standard terms")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long orderId = created.json().get("id").asLong();
        deliverAll(orderId);
        var invoice = finance1.post("/api/orders/" + orderId + "/invoices", Map.of("amount", "800.00",
                "reason", "Order invoice"));
        assertThat(invoice.status()).as(invoice.text()).isEqualTo(201);
        var current = sales1.get("/api/orders/" + orderId);
        assertThat(sales1.patch("/api/orders/" + orderId, current.header("ETag"),
                Map.of("lines", List.of(line("900.00")))).status()).isEqualTo(200);
        deliverAll(orderId);
        lifecycle.close(orderId, "sales1");

        String path = "/api/orders/" + orderId + "/settlements";
        Await.until("a settle task for order " + orderId, () -> {
            JsonNode all = finance1.get(path).json();
            return all.size() > 0 && "OPEN".equals(all.get(0).get("status").asText()) && all.get(0).has("taskId")
                    && !all.get(0).get("taskId").isNull();
        });
        JsonNode settlement = finance1.get(path).json().get(0);
        Map<String, Object> variables = new HashMap<>();
        variables.put("settlementAction", Map.of("value", settlement.get("proposedAction").asText(), "type", "String"));
        variables.put("settlementAmount", Map.of("value", settlement.get("proposedAmount").decimalValue().setScale(2)
                .toPlainString(), "type", "String"));
        var done = finance1.post("/engine-rest/task/" + settlement.get("taskId").asText() + "/submit-form",
                Map.of("variables", variables));
        assertThat(done.status()).as(done.text()).isEqualTo(204);
        Await.until("the settlement is settled", () -> "SETTLED".equals(finance1.get(path).json().get(0)
                .get("status").asText()));
    }

    private static Map<String, Object> line(String unitPrice) {
        return Map.of("sku", "ERP", "description", "ERP module", "quantity", 1, "unitPrice", unitPrice);
    }

    private void deliverAll(long orderId) {
        for (JsonNode delivery : sales1.get("/api/orders/" + orderId + "/deliveries").json()) {
            if ("SCHEDULED".equals(delivery.get("status").asText())) {
                var done = sales1.post("/api/orders/" + orderId + "/deliveries/" + delivery.get("id").asLong()
                        + "/delivered", "");
                assertThat(done.status()).as(done.text()).isEqualTo(200);
            }
        }
    }

    private JsonNode file(long orderId, String reason, Map<String, Object> changes) {
        var created = sales1.post("/api/orders/" + orderId + "/modification-requests", Map.of("reason", reason,
                "description", "Metrics story", "changes", changes));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    private static void decide(ApiClient approver, String pid, String group, boolean approved, String comment) {
        String tasks = "/engine-rest/task?processInstanceId=" + pid + "&candidateGroup=" + group;
        Await.until(group + " has a task", () -> approver.get(tasks).json().size() == 1);
        String taskId = approver.get(tasks).json().get(0).get("id").asText();
        Map<String, Object> variables = new HashMap<>();
        variables.put("approved", Map.of("value", approved, "type", "Boolean"));
        if (comment != null) {
            variables.put("comment", Map.of("value", comment, "type", "String"));
        }
        var response = approver.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
        assertThat(response.status()).as(response.text()).isEqualTo(204);
    }

    private void awaitStatus(long requestId, String status) {
        Await.until("request " + requestId + " is " + status, () -> status.equals(
                sales1.get("/api/modification-requests/" + requestId).json().get("status").asText()));
    }
}
