package com.orderflow.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;

/** Sets up what the portal tests look at through the API: requests, decisions, the full modification form. */
final class PortalRequests {

    private PortalRequests() {
    }

    /** A discount request that finance must approve, rejected by {@code finance} with {@code comment}. */
    static long rejected(ApiClient requester, ApiClient finance, long orderId, int discount, String comment) {
        var created = requester.post("/api/orders/" + orderId + "/modification-requests", Map.of(
                "reason", "CUSTOMER_REQUIREMENT", "description", "Customer asks for " + discount + " %",
                "changes", Map.of("discountPercent", discount)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long requestId = created.json().get("id").asLong();
        awaitStatus(requester, requestId, "IN_APPROVAL");
        String pid = requester.get("/api/modification-requests/" + requestId).json().get("processInstanceId").asText();
        String tasks = "/engine-rest/task?processInstanceId=" + pid + "&candidateGroup=finance";
        Await.until("finance has a task", () -> finance.get(tasks).json().size() == 1);
        String taskId = finance.get(tasks).json().get(0).get("id").asText();
        var variables = Map.of("approved", Map.of("value", false, "type", "Boolean"),
                "comment", Map.of("value", comment, "type", "String"));
        var decided = finance.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
        assertThat(decided.status()).as(decided.text()).isEqualTo(204);
        awaitStatus(requester, requestId, "REJECTED");
        return requestId;
    }

    static void awaitStatus(ApiClient api, long requestId, String status) {
        Await.until("request " + requestId + " is " + status, () -> status.equals(
                api.get("/api/modification-requests/" + requestId).json().get("status").asText()));
    }

    /** The modification form as the portal fills it from the order (an API order view), then {@code overrides}. */
    static Map<String, String> form(JsonNode order, String csrf, String... overrides) {
        Map<String, String> form = new HashMap<>();
        JsonNode customer = order.get("customer");
        JsonNode contract = order.get("contract");
        form.put("email", customer.get("email").asText());
        form.put("contactPerson", customer.path("contactPerson").asText(""));
        form.put("phone", customer.path("phone").asText(""));
        form.put("address", customer.path("address").asText(""));
        form.put("salesStage", order.get("salesStage").asText());
        form.put("discountPercent", order.get("discountPercent").asText());
        form.put("paymentTermsDays", contract.get("paymentTermsDays").asText());
        form.put("deliveryDate", contract.get("deliveryDate").asText());
        form.put("warrantyMonths", contract.get("warrantyMonths").asText());
        form.put("clauses", contract.path("clauses").asText(""));
        JsonNode lines = order.get("lines");
        for (int i = 0; i < lines.size(); i++) {
            form.put("lines[" + i + "].sku", lines.get(i).get("sku").asText());
            form.put("lines[" + i + "].description", lines.get(i).get("description").asText());
            form.put("lines[" + i + "].quantity", lines.get(i).get("quantity").asText());
            form.put("lines[" + i + "].unitPrice", lines.get(i).get("unitPrice").asText());
        }
        form.put("reason", "CUSTOMER_REQUIREMENT");
        form.put("description", "Portal test");
        form.put("_csrf", csrf);
        for (int i = 0; i < overrides.length; i += 2) {
            form.put(overrides[i], overrides[i + 1]);
        }
        return form;
    }
}
