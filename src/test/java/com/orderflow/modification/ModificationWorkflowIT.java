package com.orderflow.modification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.orderflow.order.OrderFieldRules;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;
import com.orderflow.support.Mailbox;
import com.orderflow.support.TestInfrastructure;

/** The modification workflow end to end, driven over /api and /engine-rest as the real users. */
class ModificationWorkflowIT extends IntegrationTest {

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aContractChangeOnAClosedOrderIsApprovedBySalesManagersAndLegalThenApplied() throws Exception {
        var sales1 = as("sales1");
        JsonNode order = Fixtures.order(sales1, Fixtures.customer(sales1, "Suzhou Textiles"));
        long orderId = order.get("id").asLong();
        String number = order.get("orderNumber").asText();
        lifecycle.close(orderId, "sales1");
        assertThat(sales1.patch("/api/orders/" + orderId, "\"1\"", Map.of("discountPercent", 5)).status())
                .isEqualTo(409);

        var created = sales1.post("/api/orders/" + orderId + "/modification-requests", Map.of(
                "reason", "CONTRACT_CHANGE", "description", "Customer negotiated longer payment terms",
                "changes", Map.of("contract.paymentTermsDays", 60, "contract.clauses", "Penalty clause removed")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        // Filing answers at once; the process decides the approvers right after.
        assertThat(created.json().get("status").asText()).isEqualTo("SUBMITTED");
        long requestId = created.json().get("id").asLong();
        awaitStatus(sales1, requestId, "IN_APPROVAL");
        JsonNode request = sales1.get("/api/modification-requests/" + requestId).json();
        assertThat(request.get("requiredApprovals")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("sales-managers", "legal");
        String pid = request.get("processInstanceId").asText();

        approve(as("manager1"), pid, "sales-managers", "Fine for us");
        approve(as("legal1"), pid, "legal", "Terms checked");
        awaitStatus(sales1, requestId, "APPLIED");

        JsonNode updated = sales1.get("/api/orders/" + orderId).json();
        assertThat(updated.get("status").asText()).isEqualTo("CLOSED");
        assertThat(updated.get("contract").get("paymentTermsDays").asInt()).isEqualTo(60);
        assertThat(updated.get("contract").get("clauses").asText()).isEqualTo("Penalty clause removed");
        assertThat(updated.get("contract").get("contractVersion").asInt()).isEqualTo(2);

        JsonNode applied = sales1.get("/api/modification-requests/" + requestId).json();
        int revision = applied.get("appliedRevision").asInt();
        assertThat(applied.get("approvals")).extracting(a -> a.get("user").asText())
                .containsExactlyInAnyOrder("manager1", "legal1");
        JsonNode diff = sales1.get("/api/orders/" + orderId + "/revisions/" + (revision - 1) + "/diff/" + revision)
                .json().get("changes");
        assertThat(diff.findValuesAsText("field")).contains("contract.paymentTermsDays", "contract.clauses");
        JsonNode terms = diff.get(diff.findValuesAsText("field").indexOf("contract.paymentTermsDays"));
        assertThat(terms.get("before").asInt()).isEqualTo(30);
        assertThat(terms.get("after").asInt()).isEqualTo(60);

        List<String> auditActors = sales1.get("/api/orders/" + orderId + "/audit").json().findValuesAsText("actor");
        assertThat(auditActors).contains("sales1", "manager1", "legal1", ModificationApplier.APPLIED_BY);

        for (String user : List.of("sales1", "legal1")) {
            Await.until("the applied email reached " + user, () -> Mailbox.about(number, user + "@orderflow.local")
                    .stream().anyMatch(m -> m.subject().contains("已生效")));
        }
        assertThat(Mailbox.about(number, "manager1@orderflow.local")).extracting(Mailbox.Mail::subject)
                .anyMatch(s -> s.contains("待审批"));
        assertThat(Mailbox.about(number, "legal1@orderflow.local")).extracting(Mailbox.Mail::subject)
                .anyMatch(s -> s.contains("待审批")).anyMatch(s -> s.contains("已生效"));
        assertThat(Mailbox.about(number, "finance1@orderflow.local")).isEmpty();

        JsonNode reports = sales1.get("/api/orders/" + orderId + "/reports").json();
        assertThat(reports.findValuesAsText("type")).contains("MODIFICATION");
        var pdf = sales1.get("/api/reports/" + reports.get(0).get("id").asLong());
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        String text = new PdfTextExtractor(new PdfReader(pdf.bytes())).getTextFromPage(1);
        assertThat(text).contains(number, "30", "60", "Penalty clause removed", "manager1", "legal1");
    }

    @Test
    void nobodyApprovesTheirOwnRequestOverEngineRest() {
        var sales1 = as("sales1");
        long orderId = Fixtures.order(sales1, Fixtures.customer(sales1, "Self Approval Ltd")).get("id").asLong();
        lifecycle.close(orderId, "sales1");
        var manager1 = as("manager1");
        JsonNode request = manager1.post("/api/orders/" + orderId + "/modification-requests", Map.of(
                "reason", "CORRECTION", "description", "Typo in the stage",
                "changes", Map.of("salesStage", "NEGOTIATION"))).json();
        String pid = request.get("processInstanceId").asText();
        awaitStatus(manager1, request.get("id").asLong(), "IN_APPROVAL");
        String taskId = manager1.get("/engine-rest/task?processInstanceId=" + pid).json().get(0).get("id").asText();

        var refused = manager1.post("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean"))));
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.text()).contains("may not approve");
        assertThat(manager1.get("/api/modification-requests/" + request.get("id").asLong()).json()
                .get("status").asText()).isEqualTo("IN_APPROVAL");
    }

    @Test
    void emailsWaitForSmtpAndGoOutOnceTheOrderIsAppliedOnce() {
        var sales1 = as("sales1");
        JsonNode order = Fixtures.order(sales1, Fixtures.customer(sales1, "Outage Inc"));
        long orderId = order.get("id").asLong();
        String number = order.get("orderNumber").asText();
        int revisionsBefore = sales1.get("/api/orders/" + orderId + "/revisions").json().size();
        TestInfrastructure.stopSmtp();
        try {
            long requestId = sales1.post("/api/orders/" + orderId + "/modification-requests", Map.of(
                    "reason", "CUSTOMER_REQUIREMENT", "description", "Bigger discount",
                    "changes", Map.of("discountPercent", 20))).json().get("id").asLong();
            String pid = sales1.get("/api/modification-requests/" + requestId).json().get("processInstanceId")
                    .asText();
            // Finance decides while the email announcing the task still waits for SMTP: refused when the
            // task was created, it went to an instance of its own, so the decision is accepted at once.
            approve(as("finance1"), pid, "finance", null);
            awaitStatus(sales1, requestId, "APPLIED");
            Await.until("a send failed while SMTP is down", () -> sales1.get("/api/orders/" + orderId
                    + "/notifications").json().findValues("attempts").stream().anyMatch(a -> a.asInt() > 0));
        } finally {
            TestInfrastructure.startSmtp();
        }
        Await.until("every email is sent", () -> {
            JsonNode sent = sales1.get("/api/orders/" + orderId + "/notifications").json();
            return sent.size() >= 3 && sent.findValuesAsText("state").stream().allMatch("SENT"::equals);
        });
        JsonNode notifications = sales1.get("/api/orders/" + orderId + "/notifications").json();
        List<Mailbox.Mail> received = Mailbox.about(number);
        assertThat(received).extracting(Mailbox.Mail::messageId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(notifications.findValuesAsText("messageId").stream()
                        .filter(id -> received.stream().anyMatch(m -> m.messageId().equals(id))).toList());
        // The restarted SMTP server got every email once: finance's approval request, then "applied" to the
        // requester and owner (sales1) and to finance.
        assertThat(received).extracting(Mailbox.Mail::to).containsExactlyInAnyOrder("finance1@orderflow.local",
                "sales1@orderflow.local", "finance1@orderflow.local");
        assertThat(sales1.get("/api/orders/" + orderId + "/revisions").json().size()).isEqualTo(revisionsBefore + 1);
        assertThat(sales1.get("/api/orders/" + orderId + "/audit").json().findValuesAsText("action"))
                .containsOnlyOnce("MODIFICATION_APPLIED");
    }

    @Test
    void badRequestsStartNothing() {
        var sales1 = as("sales1");
        JsonNode order = Fixtures.order(sales1, Fixtures.customer(sales1, "Refusals Ltd"));
        long orderId = order.get("id").asLong();
        String path = "/api/orders/" + orderId + "/modification-requests";

        var unknownField = sales1.post(path, Map.of("reason", "CORRECTION", "description", "x",
                "changes", Map.of("customer.favouriteColour", "blue")));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("errors").findValuesAsText("field"))
                .containsExactly("changes.customer.favouriteColour");
        var noOp = sales1.post(path, Map.of("reason", "CORRECTION", "description", "x",
                "changes", Map.of("contract.paymentTermsDays", 30)));
        assertThat(noOp.status()).isEqualTo(400);
        assertThat(noOp.text()).contains("already has this value");
        var badValue = sales1.post(path, Map.of("reason", "CORRECTION", "description", "x",
                "changes", Map.of("discountPercent", 150)));
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(as("sales2").post(path, Map.of("reason", "CORRECTION", "description", "x",
                "changes", Map.of("discountPercent", 5))).status()).isEqualTo(404);

        lifecycle.cancel(orderId, "sales1");
        var cancelled = sales1.post(path, Map.of("reason", "CORRECTION", "description", "x",
                "changes", Map.of("discountPercent", 5)));
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.contentType()).startsWith("application/problem+json");

        assertThat(sales1.get(path).json()).isEmpty();
        assertThat(as("admin").get("/engine-rest/process-instance/count?businessKey="
                + order.get("orderNumber").asText()).json().get("count").asInt()).isZero();
    }

    @Test
    void aContactPersonLongerThanTheCustomerColumnIsRefusedAtSubmitAndNothingIsSaved() {
        var sales1 = as("sales1");
        JsonNode order = Fixtures.order(sales1, Fixtures.customer(sales1, "Long Names Ltd"));
        long orderId = order.get("id").asLong();
        lifecycle.close(orderId, "sales1");
        JsonNode closed = sales1.get("/api/orders/" + orderId).json();
        String path = "/api/orders/" + orderId + "/modification-requests";

        var refused = sales1.post(path, Map.of("reason", "CORRECTION", "description", "Full name of the buyer",
                "changes", Map.of("customer.contactPerson", "x".repeat(OrderFieldRules.CONTACT_PERSON_MAX + 1))));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").findValuesAsText("field"))
                .containsExactly("changes.customer.contactPerson");
        assertThat(sales1.get(path).json()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from modification_request where order_id = ?", Long.class,
                orderId)).isZero();
        assertThat(sales1.get("/api/orders/" + orderId).json()).isEqualTo(closed);
        assertThat(as("admin").get("/engine-rest/process-instance/count?businessKey="
                + order.get("orderNumber").asText()).json().get("count").asInt()).isZero();

        var longest = sales1.post(path, Map.of("reason", "CORRECTION", "description", "Full name of the buyer",
                "changes", Map.of("customer.contactPerson", "x".repeat(OrderFieldRules.CONTACT_PERSON_MAX))));
        assertThat(longest.status()).as(longest.text()).isEqualTo(201);
    }

    private static void approve(ApiClient approver, String pid, String group, String comment) {
        Await.until(group + " has a task", () -> approver.get("/engine-rest/task?processInstanceId=" + pid
                + "&candidateGroup=" + group).json().size() == 1);
        String taskId = approver.get("/engine-rest/task?processInstanceId=" + pid + "&candidateGroup=" + group)
                .json().get(0).get("id").asText();
        var variables = new java.util.HashMap<String, Object>();
        variables.put("approved", Map.of("value", true, "type", "Boolean"));
        if (comment != null) {
            variables.put("comment", Map.of("value", comment, "type", "String"));
        }
        var response = approver.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
        assertThat(response.status()).as(response.text()).isEqualTo(204);
    }

    private static void awaitStatus(ApiClient api, long requestId, String status) {
        Await.until("request " + requestId + " is " + status, () -> status.equals(
                api.get("/api/modification-requests/" + requestId).json().get("status").asText()));
    }
}
