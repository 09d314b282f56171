package com.orderflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;

/** The steps of the money and goods stories, over /api and /engine-rest as the real users. */
public final class MoneySteps {

    private final ApiClient sales1;
    private final ApiClient finance1;

    public MoneySteps(ApiClient sales1, ApiClient finance1) {
        this.sales1 = sales1;
        this.finance1 = finance1;
    }

    /** An open order of sales1 in CNY with these lines (sku, quantity, unit price), delivered on 2027-01-15. */
    public JsonNode openOrder(long customerId, List<Map<String, Object>> lines) {
        var created = sales1.post("/api/orders", Map.of("customerId", customerId, "currency", "CNY", "lines", lines,
                "contract", Map.of("paymentTermsDays", 30, "deliveryDate", "2027-01-15", "warrantyMonths", 12,
                        "clauses", "Standard terms")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    public static Map<String, Object> line(String sku, int quantity, String unitPrice) {
        return Map.of("sku", sku, "description", sku + " module", "quantity", quantity, "unitPrice", unitPrice);
    }

    public void deliverAll(long orderId) {
        for (JsonNode delivery : deliveries(orderId)) {
            if ("SCHEDULED".equals(delivery.get("status").asText())) {
                var done = sales1.post("/api/orders/" + orderId + "/deliveries/" + delivery.get("id").asLong()
                        + "/delivered", "");
                assertThat(done.status()).as(done.text()).isEqualTo(200);
            }
        }
    }

    public JsonNode invoice(long orderId, String amount) {
        var invoice = finance1.post("/api/orders/" + orderId + "/invoices", Map.of("amount", amount,
                "reason", "Order invoice"));
        assertThat(invoice.status()).as(invoice.text()).isEqualTo(201);
        return invoice.json();
    }

    public JsonNode deliveries(long orderId) {
        var deliveries = sales1.get("/api/orders/" + orderId + "/deliveries");
        assertThat(deliveries.status()).as(deliveries.text()).isEqualTo(200);
        return deliveries.json();
    }

    public JsonNode invoices(long orderId) {
        return sales1.get("/api/orders/" + orderId + "/invoices").json();
    }

    public JsonNode order(long orderId) {
        return sales1.get("/api/orders/" + orderId).json();
    }

    /** The open settlement of the order, once its settle task is waiting for finance. */
    public JsonNode openSettlement(long orderId) {
        Await.until("a settle task for order " + orderId, () -> {
            JsonNode all = finance1.get("/api/orders/" + orderId + "/settlements").json();
            return all.size() > 0 && "OPEN".equals(all.get(0).get("status").asText())
                    && !all.get(0).path("taskId").isNull() && all.get(0).has("taskId");
        });
        return finance1.get("/api/orders/" + orderId + "/settlements").json().get(0);
    }

    /** Completes the settle task as {@code user} with these form values (the status is the caller's to check). */
    static ApiClient.Response settle(ApiClient user, String taskId, String action, String amount) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("settlementAction", Map.of("value", action, "type", "String"));
        variables.put("settlementAmount", Map.of("value", amount, "type", "String"));
        return user.post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
    }

    /** Completes the settle task as finance left it: the proposal. */
    public void settleAsProposed(JsonNode settlement) {
        var done = settle(finance1, settlement.get("taskId").asText(), settlement.get("proposedAction").asText(),
                settlement.get("proposedAmount").decimalValue().setScale(2).toPlainString());
        assertThat(done.status()).as(done.text()).isEqualTo(204);
    }

    /** Completes the owner's fix-before-closing task of a closing instance, asking to check again. */
    void retryClosing(String closingInstanceId) {
        var tasks = sales1.get("/engine-rest/task?processInstanceId=" + closingInstanceId).json();
        assertThat(tasks).hasSize(1);
        var done = sales1.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                Map.of("variables", Map.of("retry", Map.of("value", true, "type", "Boolean"))));
        assertThat(done.status()).as(done.text()).isEqualTo(204);
    }

    String failedChecks(String closingInstanceId) {
        Await.until("the closing checks of " + closingInstanceId + " failed", () -> sales1.get(
                "/engine-rest/task?processInstanceId=" + closingInstanceId).json().size() == 1);
        String taskId = sales1.get("/engine-rest/task?processInstanceId=" + closingInstanceId).json().get(0)
                .get("id").asText();
        return sales1.get("/engine-rest/task/" + taskId + "/variables/failedChecks").json().get("value").asText();
    }
}
