package com.orderflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.ApiClient.Response;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/**
 * The aggregates guard their own rules whatever path reaches them, an admin's runtime modification in
 * Cockpit included (the same call Cockpit makes): a request is applied only once its round is approved,
 * an order closes only if its checks pass at that moment, and reopens only with an admin's recorded
 * approval. A step that refuses fails with a clear message (an incident for an asynchronous step, a 409
 * for the admin's call otherwise) and nothing changes.
 */
class AggregateGuardsIT extends IntegrationTest {

    @Test
    void anAdminWhoMovesARequestPastItsApprovalsGetsAnIncidentAndNothingIsApplied() {
        long orderId = order();
        JsonNode before = as("admin").get("/api/orders/" + orderId).json();
        long requestId = contractChangeWaitingForLegal(orderId);
        String instance = request(requestId).get("processInstanceId").asText();

        Response moved = modify(instance, "apply-modification");
        assertThat(moved.status()).as(moved.text()).isEqualTo(204);

        Await.until("the apply step has an incident", () -> incidents(instance).size() == 1);
        assertThat(incidents(instance).get(0).get("incidentMessage").asText())
                .contains("applied only once every group").contains("legal");
        assertThat(request(requestId).get("status").asText()).isEqualTo("IN_APPROVAL");
        JsonNode after = as("admin").get("/api/orders/" + orderId).json();
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(after.get("revision")).isEqualTo(before.get("revision"));
        assertThat(after.at("/contract/paymentTermsDays").asInt()).isEqualTo(30);
    }

    @Test
    void anAdminWhoMovesARequestToItsApprovalStepIsRefused() {
        long orderId = order();
        long requestId = contractChangeWaitingForLegal(orderId);
        String instance = request(requestId).get("processInstanceId").asText();

        Response moved = modify(instance, "mark-approved");
        assertThat(moved.status()).as(moved.text()).isEqualTo(409);
        assertThat(moved.contentType()).startsWith("application/problem+json");
        assertThat(moved.json().get("message").asText()).contains("cannot be approved").contains("legal");
        assertThat(request(requestId).get("status").asText()).isEqualTo("IN_APPROVAL");
        assertThat(as("admin").get("/api/orders/" + orderId).json().get("revision").asInt()).isEqualTo(1);
    }

    @Test
    void anOrderThatFailsItsChecksIsNotClosedEvenIfAnAdminSkipsThem() {
        long orderId = order();
        Response close = as("sales1").post("/api/orders/" + orderId + "/close", "");
        assertThat(close.status()).as(close.text()).isEqualTo(202);
        String instance = close.json().get("processInstanceId").asText();

        Response moved = modify(instance, "close-order");
        assertThat(moved.status()).as(moved.text()).isEqualTo(409);
        assertThat(moved.json().get("message").asText()).contains("closing checks fail");
        assertThat(as("admin").get("/api/orders/" + orderId).json().get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void anOrderIsNotReopenedWithoutAnAdminsRecordedApproval() {
        long orderId = order();
        closeThroughTheProcess(orderId);
        Response reopen = as("sales1").post("/api/orders/" + orderId + "/reopen", Map.of("reason", "Wrong address"));
        assertThat(reopen.status()).as(reopen.text()).isEqualTo(202);
        String instance = reopen.json().get("processInstanceId").asText();

        Response moved = modify(instance, "reopen-order");
        assertThat(moved.status()).as(moved.text()).isEqualTo(409);
        assertThat(moved.json().get("message").asText()).contains("no admin other than sales1 has approved");
        assertThat(as("admin").get("/api/orders/" + orderId).json().get("status").asText()).isEqualTo("CLOSED");
    }

    /** What Cockpit does when an admin drags an instance's token to another step. */
    private Response modify(String processInstanceId, String activityId) {
        return as("admin").post("/engine-rest/process-instance/" + processInstanceId + "/modification",
                Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", activityId))));
    }

    private long order() {
        ApiClient sales1 = as("sales1");
        return Fixtures.order(sales1, Fixtures.customer(sales1, "Guarded Pumps Ltd")).get("id").asLong();
    }

    private long contractChangeWaitingForLegal(long orderId) {
        Response filed = as("sales1").post("/api/orders/" + orderId + "/modification-requests", Map.of(
                "reason", "CONTRACT_CHANGE", "description", "Longer terms",
                "changes", Map.of("contract.paymentTermsDays", 60)));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long requestId = filed.json().get("id").asLong();
        Await.until("request " + requestId + " waits for legal", () -> {
            JsonNode request = request(requestId);
            return "IN_APPROVAL".equals(request.get("status").asText()) && as("admin").get("/engine-rest/task?"
                    + "processInstanceId=" + request.get("processInstanceId").asText()).json().size() == 1;
        });
        return requestId;
    }

    private void closeThroughTheProcess(long orderId) {
        ApiClient sales1 = as("sales1");
        String path = "/api/orders/" + orderId;
        long deliveryId = sales1.get(path + "/deliveries").json().get(0).get("id").asLong();
        assertThat(sales1.post(path + "/deliveries/" + deliveryId + "/delivered", "").status()).isEqualTo(200);
        assertThat(as("finance1").post(path + "/invoices", Map.of("amount", "3000.00")).status()).isEqualTo(201);
        Response close = sales1.post(path + "/close", "");
        assertThat(close.status()).as(close.text()).isEqualTo(202);
        String closing = close.json().get("processInstanceId").asText();
        Await.until("the closing completed", () -> "COMPLETED".equals(as("admin")
                .get("/engine-rest/history/process-instance/" + closing).json().path("state").asText()));
    }

    private JsonNode request(long requestId) {
        return as("admin").get("/api/modification-requests/" + requestId).json();
    }

    private JsonNode incidents(String processInstanceId) {
        return as("admin").get("/engine-rest/incident?processInstanceId=" + processInstanceId).json();
    }
}
