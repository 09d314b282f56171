package com.orderflow.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderflow.support.ApiClient;

/**
 * What an administrator reads of orderflow over HTTP: every order with its revisions, audit events, emails,
 * reports, deliveries and invoices, the modification requests, the reviews, and Camunda's open tasks and
 * process instances. Two states are equal when every one of those answers is.
 */
record VisibleState(Map<String, JsonNode> answers, Map<Long, String> emailStates) {

    /**
     * Fields of an email row that change while it is pending (a retry, then the send); they are compared on their
     * own, in {@link #emailStates}: a pending email may be sent after the restore, a sent one stays sent.
     */
    private static final String SEND_EMAIL = "send-email";

    private static final List<String> SENDING_FIELDS = List.of("attempts", "lastError", "state", "sentAt");

    static VisibleState read(ApiClient admin, List<Long> requestIds) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        Map<Long, String> emailStates = new LinkedHashMap<>();
        JsonNode orders = get(admin, "/api/orders?size=200", answers).get("content");
        for (JsonNode order : orders) {
            String path = "/api/orders/" + order.get("id").asLong();
            for (String part : List.of("", "/revisions", "/audit", "/reports", "/deliveries", "/invoices")) {
                get(admin, path + part, answers);
            }
            JsonNode emails = get(admin, path + "/notifications", null);
            emails.forEach(email -> emailStates.put(email.get("id").asLong(), email.get("state").asText()));
            answers.put(path + "/notifications", withoutSendingFields(emails));
        }
        requestIds.forEach(id -> get(admin, "/api/modification-requests/" + id, answers));
        get(admin, "/api/reviews", answers).forEach(review -> get(admin, "/api/reviews/" + review.get("id").asLong(),
                answers));
        get(admin, "/engine-rest/task?sortBy=id&sortOrder=asc", answers);
        String running = "/engine-rest/process-instance?sortBy=instanceId&sortOrder=asc";
        answers.put(running, withoutEmailSending(get(admin, running, null)));
        String history = "/engine-rest/history/process-instance?sortBy=instanceId&sortOrder=asc";
        answers.put(history, withoutEndOfEmailSending(get(admin, history, null)));
        return new VisibleState(answers, emailStates);
    }

    JsonNode at(String path) {
        return answers.get(path);
    }

    List<String> paths() {
        return new ArrayList<>(answers.keySet());
    }

    private static JsonNode get(ApiClient admin, String path, Map<String, JsonNode> answers) {
        var response = admin.get(path);
        assertThat(response.status()).as("GET %s: %s", path, response.text()).isEqualTo(200);
        JsonNode json = response.json();
        if (answers != null) {
            answers.put(path, json);
        }
        return json;
    }

    /** A pending email is sent by a send-email instance of its own, which ends when it has gone out. */
    private static JsonNode withoutEmailSending(JsonNode instances) {
        ArrayNode others = JsonNodeFactory.instance.arrayNode();
        instances.forEach(i -> {
            if (!SEND_EMAIL.equals(i.path("definitionKey").asText())) {
                others.add(i);
            }
        });
        return others;
    }

    /** Every instance stays in the history, send-email ones too, but those may have ended since. */
    private static JsonNode withoutEndOfEmailSending(JsonNode instances) {
        JsonNode copy = instances.deepCopy();
        copy.forEach(i -> {
            if (SEND_EMAIL.equals(i.path("processDefinitionKey").asText())) {
                ((ObjectNode) i).remove(List.of("state", "endTime", "durationInMillis", "removalTime"));
            }
        });
        return copy;
    }

    private static JsonNode withoutSendingFields(JsonNode notifications) {
        JsonNode copy = notifications.deepCopy();
        copy.forEach(n -> ((ObjectNode) n).remove(SENDING_FIELDS));
        return copy;
    }
}
