package com.orderflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;
import com.orderflow.support.TestInfrastructure;

/**
 * The life of an order over HTTP only (/api and /engine-rest, as the people who do it): closed after
 * the checks first fail, locked, reopened with an administrator's approval, edited, closed again, and
 * restored to its first revision through a sales manager's approval; the history tells it all.
 */
class OrderClosingIT extends IntegrationTest {

    private static final List<String> USER_FIELDS = List.of("customer.email", "customer.contactPerson",
            "customer.phone", "customer.address", "salesStage", "discountPercent", "lines",
            "contract.paymentTermsDays", "contract.deliveryDate", "contract.warrantyMonths", "contract.clauses");

    @Test
    void closeReopenEditCloseAgainAndRestoreTheFirstRevision() throws Exception {
        ApiClient sales1 = as("sales1");
        ApiClient admin = as("admin");
        ApiClient manager1 = as("manager1");
        JsonNode created = Fixtures.order(sales1, Fixtures.customer(sales1, "Lifecycle Story Co"));
        long orderId = created.get("id").asLong();
        String orderNumber = created.get("orderNumber").asText();
        String path = "/api/orders/" + orderId;

        // 1. Close: nothing is delivered or invoiced yet, so the owner gets a task to fix it.
        var close = sales1.post(path + "/close", "");
        assertThat(close.status()).as(close.text()).isEqualTo(202);
        String closing = close.json().get("processInstanceId").asText();
        var again = sales1.post(path + "/close", "");
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.contentType()).contains("application/problem+json");

        JsonNode fixTask = singleTask(sales1, closing);
        assertThat(fixTask.get("taskDefinitionKey").asText()).isEqualTo("fix-before-closing");
        assertThat(fixTask.get("assignee").asText()).isEqualTo("sales1");
        var failed = sales1.get("/engine-rest/task/" + fixTask.get("id").asText() + "/variables/failedChecks");
        assertThat(failed.status()).as(failed.text()).isEqualTo(200);
        assertThat(failed.json().get("value").asText()).contains("Delivery").contains("Invoices");
        assertThat(sales1.get(path).json().get("status").asText()).isEqualTo("OPEN");

        deliver(sales1, orderId);
        invoice(orderId, "3000.00");
        complete(sales1, fixTask.get("id").asText(), Map.of("retry", Map.of("value", true, "type", "Boolean")));
        assertThat(sales1.get(path).json().get("status").asText()).isEqualTo("CLOSED");
        awaitCompleted(closing);

        // 2. A closed order is locked against direct edits.
        var order = sales1.get(path);
        assertThat(order.json().get("closedBy").asText()).isEqualTo("sales1");
        var patch = sales1.patch(path, order.header("ETag"), Map.of("salesStage", "NEGOTIATION"));
        assertThat(patch.status()).as(patch.text()).isEqualTo(409);
        assertThat(patch.json().get("hint").asText()).isEqualTo("modification-request");
        assertThat(sales1.post(path + "/cancel", "").status()).isEqualTo(409);

        // 3. Reopen: a reason is required, another rep may not, only camunda-admin approves.
        assertThat(as("sales2").post(path + "/reopen", Map.of("reason", "Not mine")).status()).isEqualTo(404);
        var blank = sales1.post(path + "/reopen", Map.of("reason", "  "));
        assertThat(blank.status()).as(blank.text()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(sales1.post(path + "/reopen", "{}").status()).isEqualTo(400);
        var reopen = sales1.post(path + "/reopen", Map.of("reason", "Invoice address was wrong"));
        assertThat(reopen.status()).as(reopen.text()).isEqualTo(202);
        String reopening = reopen.json().get("processInstanceId").asText();
        assertThat(sales1.post(path + "/reopen", Map.of("reason", "double click")).status()).isEqualTo(409);

        JsonNode approval = singleTask(admin, reopening);
        assertThat(approval.get("taskDefinitionKey").asText()).isEqualTo("approve-reopening");
        String approvalId = approval.get("id").asText();
        var byManager = manager1.post("/engine-rest/task/" + approvalId + "/complete",
                Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean"))));
        assertThat(byManager.status()).as(byManager.text()).isEqualTo(403);
        assertThat(singleTask(admin, reopening).get("id").asText()).isEqualTo(approvalId);
        assertThat(sales1.get(path).json().get("status").asText()).isEqualTo("CLOSED");

        complete(admin, approvalId, Map.of("approved", Map.of("value", true, "type", "Boolean"),
                "comment", Map.of("value", "ok, fix it", "type", "String")));
        assertThat(sales1.get(path).json().get("status").asText()).isEqualTo("REOPENED");
        awaitCompleted(reopening);

        // 4. Edit it directly, invoice the difference, deliver the extra pump (the edit scheduled it) and close
        // it again (the checks pass at once).
        order = sales1.get(path);
        patch = sales1.patch(path, order.header("ETag"), Map.of("lines", List.of(Map.of("sku", "PUMP-7",
                "description", "Industrial pump", "quantity", 3, "unitPrice", "1500.00"))));
        assertThat(patch.status()).as(patch.text()).isEqualTo(200);
        assertThat(patch.json().get("total").decimalValue()).isEqualByComparingTo("4500");
        invoice(orderId, "1500.00");
        JsonNode deliveries = sales1.get(path + "/deliveries").json();
        assertThat(deliveries).hasSize(2);
        long extra = deliveries.get(1).get("id").asLong();
        assertThat(deliveries.get(1).get("lines").toString()).isEqualTo("[{\"sku\":\"PUMP-7\",\"quantity\":1}]");
        assertThat(sales1.post(path + "/deliveries/" + extra + "/delivered", "").status()).isEqualTo(200);
        close = sales1.post(path + "/close", "");
        assertThat(close.status()).as(close.text()).isEqualTo(202);
        assertThat(sales1.get(path).json().get("status").asText()).isEqualTo("CLOSED");
        awaitCompleted(close.json().get("processInstanceId").asText());

        // 5. Restore revision 1 through a sales manager's approval.
        assertThat(as("sales2").post(path + "/revisions/1/restore", Map.of("description", "x")).status())
                .isEqualTo(404);
        var restore = sales1.post(path + "/revisions/1/restore", Map.of("description", "Back to the signed order"));
        assertThat(restore.status()).as(restore.text()).isEqualTo(201);
        String restorePath = "/api/modification-requests/" + restore.json().get("id").asLong();
        Await.until("the approvers of the restore are decided",
                () -> !"SUBMITTED".equals(sales1.get(restorePath).json().get("status").asText()));
        JsonNode request = sales1.get(restorePath).json();
        assertThat(request.get("reason").asText()).isEqualTo("RESTORE");
        assertThat(texts(request.get("requiredApprovals"))).containsExactly("sales-managers");
        assertThat(StreamSupport.stream(request.get("changes").spliterator(), false).map(c -> c.get("field").asText()))
                .containsExactly("lines");
        JsonNode managerTask = singleTask(manager1, request.get("processInstanceId").asText());
        complete(manager1, managerTask.get("id").asText(),
                Map.of("approved", Map.of("value", true, "type", "Boolean")));
        String requestPath = "/api/modification-requests/" + request.get("id").asLong();
        Await.until("the restore is applied",
                () -> sales1.get(requestPath).json().get("status").asText().equals("APPLIED"));

        // 6. The order equals revision 1 in every field a user can change; its revision moved forward.
        JsonNode now = sales1.get(path).json();
        assertThat(now.get("revision").asInt()).isEqualTo(6);
        assertThat(now.get("status").asText()).isEqualTo("CLOSED");
        JsonNode first = sales1.get(path + "/revisions/1").json().get("order");
        JsonNode latest = sales1.get(path + "/revisions/6").json().get("order");
        for (String field : USER_FIELDS) {
            assertThat(normal(at(latest, field))).as(field).isEqualTo(normal(at(first, field)));
        }
        assertThat(now.get("total").decimalValue()).isEqualByComparingTo(first.get("total").decimalValue());

        // 7. The revisions and the audit trail tell the story in order.
        JsonNode revisions = sales1.get(path + "/revisions").json();
        assertThat(StreamSupport.stream(revisions.spliterator(), false).map(r -> r.get("number").asInt()))
                .containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(StreamSupport.stream(revisions.spliterator(), false).map(r -> r.get("reason").asText()))
                .containsExactly("CREATED", "CLOSED", "REOPENED", "DIRECT_EDIT", "CLOSED", "MODIFICATION_RESTORE");
        List<String> actions = texts(sales1.get(path + "/audit").json(), "action");
        assertThat(actions).containsSubsequence("ORDER_CREATED", "ORDER_CLOSE_REQUESTED",
                "ORDER_CLOSING_CHECKS_FAILED", "DELIVERY_DELIVERED", "INVOICE_ISSUED", "ORDER_CLOSING_RETRIED",
                "ORDER_CLOSED", "ORDER_REOPEN_REQUESTED", "ORDER_REOPEN_APPROVED", "ORDER_REOPENED", "ORDER_EDITED",
                "INVOICE_ISSUED", "ORDER_CLOSE_REQUESTED", "ORDER_CLOSED", "MODIFICATION_REQUESTED",
                "MODIFICATION_APPROVED", "MODIFICATION_APPLIED");

        // 8. The closing reports download as PDF; owner, finance and delivery got the closing email.
        JsonNode reports = sales1.get(path + "/reports").json();
        List<JsonNode> closingReports = StreamSupport.stream(reports.spliterator(), false)
                .filter(r -> r.get("type").asText().equals("CLOSING")).toList();
        assertThat(closingReports).hasSize(2);
        var pdf = sales1.get("/api/reports/" + closingReports.get(0).get("id").asLong());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        List<String> closedMailedTo = new ArrayList<>();
        for (JsonNode n : sales1.get(path + "/notifications").json()) {
            if (n.get("template").asText().equals("order-closed")) {
                assertThat(n.get("state").asText()).isEqualTo("SENT");
                MimeMessage mail = received(n.get("messageId").asText());
                assertThat(mail.getSubject()).contains(orderNumber);
                closedMailedTo.add(Arrays.stream(mail.getAllRecipients()).map(Object::toString).findFirst()
                        .orElseThrow());
            }
        }
        assertThat(closedMailedTo).contains("sales1@orderflow.local", "finance1@orderflow.local",
                "delivery1@orderflow.local");
    }

    @Test
    void aDoubleClickOnCloseStartsOneProcess() {
        ApiClient sales1 = as("sales1");
        long orderId = Fixtures.order(sales1, Fixtures.customer(sales1, "Double Click Co")).get("id").asLong();
        var first = CompletableFuture.supplyAsync(() -> sales1.post("/api/orders/" + orderId + "/close", ""));
        var second = CompletableFuture.supplyAsync(() -> sales1.post("/api/orders/" + orderId + "/close", ""));
        List<Integer> statuses = new ArrayList<>(List.of(first.join().status(), second.join().status()));
        statuses.sort(null);
        assertThat(statuses).containsExactly(202, 409);
        String number = sales1.get("/api/orders/" + orderId).json().get("orderNumber").asText();
        var instances = as("admin").get("/engine-rest/process-instance?businessKey=" + number
                + "&processDefinitionKey=order-closing");
        assertThat(instances.json()).hasSize(1);
    }

    @Test
    void cancellingKeepsTheOrderAndItsHistory() {
        ApiClient sales1 = as("sales1");
        long orderId = Fixtures.order(sales1, Fixtures.customer(sales1, "Cancel Co")).get("id").asLong();
        String path = "/api/orders/" + orderId;
        assertThat(as("sales2").post(path + "/cancel", "").status()).isEqualTo(404);
        assertThat(as("finance1").post(path + "/cancel", "").status()).isEqualTo(403);

        var cancel = sales1.post(path + "/cancel", "");
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);
        assertThat(cancel.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(sales1.post(path + "/cancel", "").status()).isEqualTo(409);
        assertThat(sales1.post(path + "/close", "").status()).isEqualTo(409);

        assertThat(sales1.get(path).json().get("status").asText()).isEqualTo("CANCELLED");
        JsonNode revisions = sales1.get(path + "/revisions").json();
        assertThat(texts(revisions, "reason")).containsExactly("CREATED", "CANCELLED");
        assertThat(texts(sales1.get(path + "/audit").json(), "action")).contains("ORDER_CANCELLED");
        var restore = sales1.post(path + "/revisions/1/restore", Map.of("description", "undo"));
        assertThat(restore.status()).as(restore.text()).isEqualTo(409);
    }

    @Test
    void restoringNeedsADifferenceAndAnExistingRevision() {
        ApiClient sales1 = as("sales1");
        long orderId = Fixtures.order(sales1, Fixtures.customer(sales1, "Restore Edge Co")).get("id").asLong();
        assertThat(sales1.post("/api/orders/" + orderId + "/revisions/1/restore", Map.of()).status())
                .isEqualTo(409);
        assertThat(sales1.post("/api/orders/" + orderId + "/revisions/9/restore", Map.of()).status())
                .isEqualTo(404);
        assertThat(sales1.post("/api/orders/999999/close", "").status()).isEqualTo(404);
    }

    // --- helpers ---

    private static JsonNode singleTask(ApiClient user, String processInstanceId) {
        var tasks = user.get("/engine-rest/task?processInstanceId=" + processInstanceId);
        assertThat(tasks.status()).as(tasks.text()).isEqualTo(200);
        assertThat(tasks.json()).as("tasks of " + processInstanceId).hasSize(1);
        return tasks.json().get(0);
    }

    private static void complete(ApiClient user, String taskId, Map<String, Object> variables) {
        var response = user.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
        assertThat(response.status()).as(response.text()).isEqualTo(204);
    }

    private void awaitCompleted(String processInstanceId) {
        Await.until("process " + processInstanceId + " completed", () -> "COMPLETED".equals(as("admin")
                .get("/engine-rest/history/process-instance/" + processInstanceId).json().path("state").asText()));
    }

    /** Approval tasks start next to an email branch; wait for that branch, as a person would. */
    private static void deliver(ApiClient user, long orderId) {
        long deliveryId = user.get("/api/orders/" + orderId + "/deliveries").json().get(0).get("id").asLong();
        var delivered = user.post("/api/orders/" + orderId + "/deliveries/" + deliveryId + "/delivered", "");
        assertThat(delivered.status()).as(delivered.text()).isEqualTo(200);
    }

    private void invoice(long orderId, String amount) {
        var invoice = as("finance1").post("/api/orders/" + orderId + "/invoices", Map.of("amount", amount));
        assertThat(invoice.status()).as(invoice.text()).isEqualTo(201);
    }

    private static MimeMessage received(String messageId) {
        for (MimeMessage message : TestInfrastructure.smtp().getReceivedMessages()) {
            try {
                if (messageId.equals(message.getMessageID())) {
                    return message;
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("GreenMail did not receive " + messageId);
    }

    private static JsonNode at(JsonNode snapshot, String field) {
        JsonNode node = snapshot;
        for (String part : field.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** Numbers by value (5 and 5.00 alike), absent and null alike. */
    private static String normal(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "null";
        }
        if (node.isNumber()) {
            return new BigDecimal(node.asText()).stripTrailingZeros().toPlainString();
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            copy.properties().forEach(e -> e.setValue(copy.textNode(normal(e.getValue()))));
            return copy.toString();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(normal(n)));
            return items.toString();
        }
        return node.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
