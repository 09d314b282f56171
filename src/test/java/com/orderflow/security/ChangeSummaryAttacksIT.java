package com.orderflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.orderflow.support.ApiClient;
import com.orderflow.support.ApiClient.Response;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/**
 * The change summary approvers read in Tasklist is a process variable: a requester who could rewrite it
 * over /engine-rest would have a change approved that reads as something else. Every way the engine
 * offers to write it is refused for the rep, on the instance, its execution and its tasks, and through
 * completing their own revise task; approvers read orderflow's summary in every round.
 */
class ChangeSummaryAttacksIT extends IntegrationTest {

    private static final String SUMMARY = "付款期限（天）/ Payment terms (days): 30 → 60";
    private static final Map<String, Object> FAKE = Map.of("value", "客户电话 / Customer phone: — → —",
            "type", "String");

    @Test
    void aRepCannotRewriteWhatTheApproversOfTheirRequestRead() {
        ApiClient sales1 = as("sales1");
        long orderId = Fixtures.order(sales1, Fixtures.customer(sales1, "Summary Attack Co")).get("id").asLong();
        var filed = sales1.post("/api/orders/" + orderId + "/modification-requests", Map.of("reason",
                "CONTRACT_CHANGE", "description", "Longer terms", "changes", Map.of("contract.paymentTermsDays", 60)));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String instance = filed.json().get("processInstanceId").asText();
        String approval = awaitTask(instance, "approve-modification");

        SoftAssertions softly = new SoftAssertions();
        String variable = "/engine-rest/process-instance/" + instance + "/variables/changeSummary";
        refused(softly, sales1.send("PUT", variable, "application/json", json(FAKE)));
        refused(softly, sales1.post("/engine-rest/process-instance/" + instance + "/variables",
                Map.of("modifications", Map.of("changeSummary", FAKE))));
        refused(softly, sales1.post("/engine-rest/execution/" + instance + "/localVariables",
                Map.of("modifications", Map.of("changeSummary", FAKE))));
        refused(softly, sales1.post("/engine-rest/task/" + approval + "/variables",
                Map.of("modifications", Map.of("changeSummary", FAKE))));
        refused(softly, sales1.send("PUT", "/engine-rest/task/" + approval + "/localVariables/changeSummary",
                "application/json", json(FAKE)));
        refused(softly, sales1.post("/engine-rest/process-instance/" + instance + "/modification", Map.of(
                "instructions", java.util.List.of(Map.of("type", "startBeforeActivity", "activityId",
                        "approve-modification", "variables", Map.of("changeSummary", FAKE))))));
        softly.assertThat(summaryOf(approval)).as("what legal reads").isEqualTo(SUMMARY);
        softly.assertAll();

        // Rejected: the rep's own revise task takes its form's field (resubmit) and nothing else.
        var rejected = as("legal1").post("/engine-rest/task/" + approval + "/complete", Map.of("variables", Map.of(
                "approved", Map.of("value", false), "comment", Map.of("value", "Ask the customer first"))));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(204);
        String revise = awaitTask(instance, "revise-request");
        var forged = sales1.post("/engine-rest/task/" + revise + "/complete", Map.of("variables", Map.of(
                "resubmit", Map.of("value", true), "changeSummary", FAKE)));
        assertThat(forged.status()).as(forged.text()).isIn(400, 403);
        assertThat(as("admin").get("/engine-rest/task/" + revise).status()).as("the revise task is still open")
                .isEqualTo(200);
        var resubmitted = sales1.post("/engine-rest/task/" + revise + "/complete", Map.of("variables", Map.of(
                "resubmit", Map.of("value", true))));
        assertThat(resubmitted.status()).as(resubmitted.text()).isEqualTo(204);

        String secondRound = awaitTask(instance, "approve-modification");
        assertThat(summaryOf(secondRound)).isEqualTo(SUMMARY);
    }

    private String awaitTask(String instance, String key) {
        String query = "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key;
        Await.until("a " + key + " task of " + instance, () -> as("admin").get(query).json().size() == 1);
        return as("admin").get(query).json().get(0).get("id").asText();
    }

    private String summaryOf(String taskId) {
        Response read = as("legal1").get("/engine-rest/task/" + taskId + "/variables/changeSummary");
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        return read.json().get("value").asText();
    }

    private static void refused(SoftAssertions softly, Response response) {
        softly.assertThat(response.status()).as("status; body: %s", response.text()).isEqualTo(403);
        softly.assertThat(response.contentType()).as("content type").startsWith("application/problem+json");
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
