package com.orderflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.settlement.MoneySteps;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;
import com.orderflow.support.MailHtml;

import jakarta.mail.internet.MimeMessage;

/**
 * Every email that asks someone to act links to where they act, from {@code orderflow.public-base-url}
 * (https://orderflow.example.test in the tests): the link, followed with the reader's login, lands on
 * their task in Tasklist, which they can open over the engine's API; anyone else lands on the order.
 */
class MailLinksIT extends IntegrationTest {

    private static final String BASE = "https://orderflow.example.test";
    private static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";

    @Autowired
    OrderLifecycle lifecycle;

    @Test
    void theApprovalEmailLinksToTheApproversTaskWhoseFormReadsTheChangesAsText() {
        ApiClient sales1 = as("sales1");
        JsonNode order = Fixtures.order(sales1, Fixtures.customer(sales1, "Link Approval Co"));
        long orderId = order.get("id").asLong();
        String orderNumber = order.get("orderNumber").asText();
        // A contract term: legal approves (legal1 reads Chinese).
        var filed = sales1.post("/api/orders/" + orderId + "/modification-requests", Map.of("reason",
                "CONTRACT_CHANGE", "description", "Longer terms", "changes", Map.of("contract.paymentTermsDays", 60)));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String instance = filed.json().get("processInstanceId").asText();

        MimeMessage mail = awaitMail("legal1@orderflow.local", orderNumber, instance);
        String html = MailHtml.html(mail);
        assertThat(html).contains("付款期限（天）", ">30<", ">60<").doesNotContain("&quot;");
        String taskId = followToTask(as("legal1"), taskLink(html, instance, orderId));

        JsonNode task = as("legal1").get("/engine-rest/task/" + taskId).json();
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("approve-modification");
        assertThat(task.get("processInstanceId").asText()).isEqualTo(instance);
        var summary = as("legal1").get("/engine-rest/task/" + taskId + "/variables/changeSummary");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().get("value").asText()).isEqualTo("付款期限（天）/ Payment terms (days): 30 → 60");
        assertThat(MailHtml.links(html)).contains(URI.create(BASE + "/orders/" + orderId));

        // Nothing to do there for a rep: the order's page; not signed in: the login first.
        var rep = as("sales2").get(MailHtml.pathOf(taskLink(html, instance, orderId)));
        assertThat(rep.status()).isEqualTo(302);
        assertThat(rep.header("Location")).endsWith("/orders/" + orderId);
        var stranger = anonymous().get(MailHtml.pathOf(taskLink(html, instance, orderId)));
        assertThat(stranger.status()).isEqualTo(302);
        assertThat(stranger.header("Location")).endsWith("/login");
        // A link mangled on the way is bad input, not an error of the server.
        assertThat(as("legal1").get("/tasks/open").status()).isEqualTo(400);
        assertThat(as("legal1").get("/tasks/open?process=" + instance + "&order=SO-1").status()).isEqualTo(400);
    }

    @Test
    void theReopenApprovalEmailLinksTheAdministratorToTheirTask() {
        ApiClient sales1 = as("sales1");
        JsonNode order = Fixtures.order(sales1, Fixtures.customer(sales1, "Link Reopen Co"));
        long orderId = order.get("id").asLong();
        lifecycle.close(orderId, "sales1");
        var reopen = sales1.post("/api/orders/" + orderId + "/reopen", Map.of("reason", "Closed by mistake"));
        assertThat(reopen.status()).as(reopen.text()).isEqualTo(202);
        String instance = reopen.json().get("processInstanceId").asText();

        MimeMessage mail = awaitMail("admin@orderflow.local", order.get("orderNumber").asText(), instance);
        String taskId = followToTask(as("admin"), taskLink(MailHtml.html(mail), instance, orderId));

        JsonNode task = as("admin").get("/engine-rest/task/" + taskId).json();
        assertThat(task.get("processInstanceId").asText()).isEqualTo(instance);
        assertThat(MailHtml.html(mail)).contains("Open the task in Tasklist");
    }

    @Test
    void theSettlementEmailLinksFinanceToTheSettleTask() {
        ApiClient sales1 = as("sales1");
        MoneySteps steps = new MoneySteps(sales1, as("finance1"));
        long orderId = steps.openOrder(Fixtures.customer(sales1, "Link Settlement Co"),
                List.of(MoneySteps.line("ERP", 2, "1200.00"))).get("id").asLong();
        steps.invoice(orderId, "2400.00");
        var current = sales1.get("/api/orders/" + orderId);
        assertThat(sales1.patch("/api/orders/" + orderId, current.header("ETag"), Map.of("discountPercent", 10))
                .status()).isEqualTo(200);
        JsonNode settlement = steps.openSettlement(orderId);
        String instance = as("admin").get("/engine-rest/task/" + settlement.get("taskId").asText()).json()
                .get("processInstanceId").asText();

        MimeMessage mail = awaitMail("finance1@orderflow.local", current.json().get("orderNumber").asText(),
                instance);
        String taskId = followToTask(as("finance1"), taskLink(MailHtml.html(mail), instance, orderId));

        assertThat(taskId).isEqualTo(settlement.get("taskId").asText());
        assertThat(as("finance1").get("/engine-rest/task/" + taskId).status()).isEqualTo(200);
    }

    /** The email to this recipient about the order that links to this instance's task. */
    private static MimeMessage awaitMail(String recipient, String orderNumber, String instance) {
        String link = "/tasks/open?process=" + instance;
        Await.until("an email to " + recipient + " linking to " + link, () -> MailHtml.find(recipient,
                orderNumber, html -> html.contains(link)).isPresent());
        return MailHtml.find(recipient, orderNumber, html -> html.contains(link)).orElseThrow();
    }

    private static URI taskLink(String html, String instance, long orderId) {
        URI expected = URI.create(BASE + "/tasks/open?process=" + instance + "&order=" + orderId);
        assertThat(MailHtml.links(html)).contains(expected);
        return expected;
    }

    /** Follows the link as the reader: Tasklist's page of the task; answers the task's id. */
    private static String followToTask(ApiClient reader, URI link) {
        var followed = reader.get(MailHtml.pathOf(link));
        assertThat(followed.status()).as(followed.text()).isEqualTo(302);
        String location = followed.header("Location");
        assertThat(location).contains(TASKLIST);
        return location.substring(location.indexOf(TASKLIST) + TASKLIST.length());
    }
}
