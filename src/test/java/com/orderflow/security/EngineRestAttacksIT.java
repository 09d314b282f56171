package com.orderflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.support.ApiClient;
import com.orderflow.support.ApiClient.Response;
import com.orderflow.support.Await;
import com.orderflow.support.CapturedLogs;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;
import com.orderflow.support.TestInfrastructure;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The attacks seen on /engine-rest: a sales rep's or a sales manager's login and the public Camunda REST
 * API were enough to walk around orderflow's approvals. Each test performs one attack as the attacker
 * would and asserts what must hold (see the trust boundaries in the design): the call is refused and
 * nothing changed, neither the order, nor the request, nor its tasks, nor anybody's mailbox.
 *
 * <p>The checks are soft, so a failing test reports both how the attack was answered and what it
 * changed. When the engine accepted an attack, the test first lets whatever it started run as far as it
 * goes (its asynchronous jobs done or out of retries), so the state checks see its effects, not a race.
 */
class EngineRestAttacksIT extends IntegrationTest {

    private static final String START = "/engine-rest/process-definition/key/%s/start";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String SELF_APPROVAL = "may not approve";

    @Autowired
    OrderLifecycle lifecycle;

    // --- 1. starting order-modification right before its late steps ---

    @Test
    void aRepCannotApplyTheirOwnRequestBySkippingItsApprovals() {
        Order order = newOrderOf("sales1", "Skipped Approvals Co");
        long requestId = contractChangeWaitingForLegal(order);
        Snapshot before = snapshot(order, requestId);

        // Straight to the apply step, then to "mark approved", which would lead on to the apply step.
        Response atApply = startModificationBefore(as("sales1"), "apply-modification", requestId);
        letItRunOut(atApply);
        Response atMarkApproved = startModificationBefore(as("sales1"), "mark-approved", requestId);
        letItRunOut(atMarkApproved);

        assertSoftly(softly -> {
            assertRefused(softly, atApply);
            assertRefused(softly, atMarkApproved);
            assertUnchanged(softly, before, snapshot(order, requestId));
        });
    }

    @Test
    void aRepCannotApplyAnotherRepsRequestBySkippingItsApprovals() {
        Order order = newOrderOf("sales1", "Foreign Request Co");
        long requestId = contractChangeWaitingForLegal(order);
        Snapshot before = snapshot(order, requestId);

        Response attack = startModificationBefore(as("sales2"), "mark-approved", requestId);
        letItRunOut(attack);

        assertSoftly(softly -> {
            assertRefused(softly, attack);
            assertUnchanged(softly, before, snapshot(order, requestId));
        });
    }

    // --- 2. closing someone else's order without its checks ---

    @Test
    void aRepCannotCloseAnotherRepsOrderBySkippingTheClosingChecks() {
        // sales1's order: nothing delivered, nothing invoiced, so the checks could never pass.
        Order order = newOrderOf("sales1", "Unchecked Close Co");
        OrderState before = stateOf(order);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variables", Map.of("orderId", longValue(order.id()), "requester", stringValue("sales1")));
        body.put("startInstructions", List.of(startBefore("close-order")));
        body.put("skipCustomListeners", true);
        Response attack = as("sales2").post(START.formatted("order-closing"), body);
        letItRunOut(attack);

        assertSoftly(softly -> {
            assertRefused(softly, attack);
            softly.assertThat(stateOf(order)).as("order, audit trail and emails").isEqualTo(before);
        });
    }

    // --- 3. reopening a closed order without an administrator's approval ---

    @Test
    void aRepCannotReopenAClosedOrderBySkippingTheAdministratorsApproval() {
        Order order = newOrderOf("sales1", "Unapproved Reopen Co");
        lifecycle.close(order.id(), "sales1");
        OrderState before = stateOf(order);
        assertThat(before.status()).isEqualTo("CLOSED");

        Map<String, Object> body = Map.of(
                "variables", Map.of("orderId", longValue(order.id()), "requester", stringValue("sales1"),
                        "reason", stringValue("No time to wait for an admin")),
                "startInstructions", List.of(startBefore("reopen-order")));
        Response attack = as("sales1").post(START.formatted("order-reopening"), body);
        letItRunOut(attack);

        assertSoftly(softly -> {
            assertRefused(softly, attack);
            softly.assertThat(stateOf(order)).as("order, audit trail and emails").isEqualTo(before);
        });
    }

    // --- 4. a send-email instance of the attacker's making ---

    @Test
    void aRepCannotMailThemselvesAnotherRepsClosingReportNorFakeAClosedNotice() {
        Order order = newOrderOf("sales1", "Leaked Report Co");
        long reportId = closeThroughTheProcess(order);
        OrderState before = stateOf(order);
        int mailsToAttackerBefore = mailsAbout(order, "sales2@orderflow.local");

        // "order-closed" goes to the owner, finance, delivery and the requester, here the attacker,
        // with the report named by reportId attached.
        Response attack = as("sales2").post(START.formatted("send-email"), Map.of(
                "businessKey", order.number(),
                "variables", Map.of("mails", stringValue("lifecycleMails"), "template", stringValue("order-closed"),
                        "orderId", longValue(order.id()), "reportId", longValue(reportId),
                        "requester", stringValue("sales2"))));
        letItRunOut(attack);

        assertSoftly(softly -> {
            assertRefused(softly, attack);
            softly.assertThat(mailsAbout(order, "sales2@orderflow.local")).as("emails about the order to sales2")
                    .isEqualTo(mailsToAttackerBefore);
            softly.assertThat(stateOf(order)).as("order, notifications and emails").isEqualTo(before);
        });
    }

    // --- 5. the review that /api/admin/reviews refuses a rep ---

    @Test
    void aRepCannotStartTheClosedOrderReviewOverEngineRest() {
        ApiClient sales1 = as("sales1");
        Response overTheApi = sales1.post("/api/admin/reviews", "");
        assertThat(overTheApi.status()).as("the API refuses a rep: %s", overTheApi.text()).isEqualTo(403);
        List<Long> reviewsBefore = reviewIds();

        // Where an admin's review starts (the diagram's only start event is the weekly timer).
        Response attack = sales1.post(START.formatted("closed-order-review"),
                Map.of("startInstructions", List.of(startBefore("open-review"))));
        letItRunOut(attack);

        assertSoftly(softly -> {
            assertRefused(softly, attack);
            softly.assertThat(reviewIds()).as("reviews (newest first)").isEqualTo(reviewsBefore);
        });
    }

    // --- 6. a sales manager approving their own request ---

    /** Both ways Tasklist and clients complete a task: plain complete and the form's submit. */
    @ParameterizedTest(name = "through /{0}")
    @ValueSource(strings = { "complete", "submit-form" })
    void aRequesterCannotApproveTheirOwnRequestByRenamingTheRequester(String completion) {
        OwnApproval own = managersRequestOnAClosedOrder("Renamed Requester " + completion + " Co");
        Snapshot before = snapshot(own.order(), own.requestId());

        Response attack = as("manager1").post("/engine-rest/task/" + own.taskId() + "/" + completion,
                Map.of("variables", Map.of("approved", Map.of("value", true), "requester", Map.of("value", "sales1"))));
        letItRunOut(own.processInstanceId());

        assertSoftly(softly -> {
            assertTaskRefused(softly, attack);
            assertUnchanged(softly, before, snapshot(own.order(), own.requestId()));
        });
    }

    @Test
    void aRequesterCannotApproveTheirOwnRequestAndIsToldWhy() {
        OwnApproval own = managersRequestOnAClosedOrder("Plain Self Approval Co");
        Snapshot before = snapshot(own.order(), own.requestId());

        Response attack = as("manager1").post("/engine-rest/task/" + own.taskId() + "/complete",
                Map.of("variables", Map.of("approved", Map.of("value", true))));
        letItRunOut(own.processInstanceId());

        assertSoftly(softly -> {
            softly.assertThat(attack.status()).as("status; body: %s", attack.text()).isEqualTo(403);
            softly.assertThat(attack.text()).as("the reason").contains(SELF_APPROVAL);
            assertUnchanged(softly, before, snapshot(own.order(), own.requestId()));
        });
    }

    // --- 7. a withdrawn request leaves nothing to approve ---

    @Test
    void aRequestWithdrawnInApprovalLeavesNoTaskAndItsProcessEnds() {
        Order order = newOrderOf("sales1", "Withdrawn Request Co");
        long requestId = contractChangeWaitingForLegal(order);
        String processInstanceId = request(requestId).get("processInstanceId").asText();
        OrderState orderBefore = stateOf(order);

        Response withdrawn = as("sales1").post("/api/modification-requests/" + requestId + "/withdraw", "");

        assertSoftly(softly -> {
            softly.assertThat(withdrawn.status()).as("withdraw; body: %s", withdrawn.text()).isEqualTo(200);
            softly.assertThat(request(requestId).get("status").asText()).isEqualTo("WITHDRAWN");
            softly.assertThat(as("admin").get("/engine-rest/task?processInstanceId=" + processInstanceId).json())
                    .as("tasks of the withdrawn request in Tasklist").isEmpty();
            softly.assertThat(as("admin").get("/engine-rest/process-instance/count?processInstanceIds="
                    + processInstanceId).json().get("count").asInt()).as("running instances of the request").isZero();
            softly.assertThat(as("admin").get("/engine-rest/history/process-instance/" + processInstanceId).json()
                    .path("state").asText()).as("its process").isNotEqualTo("ACTIVE");
            softly.assertThat(stateOf(order)).as("order, audit trail and emails, but the withdrawal's audit event")
                    .isEqualTo(orderBefore.withOneMoreAuditEvent());
        });
    }

    // --- 10. a refused claim says why ---

    @Test
    void aRequesterClaimingTheirOwnApprovalIsRefusedWithTheReason() {
        OwnApproval own = managersRequestOnAClosedOrder("Self Claim Co");
        Snapshot before = snapshot(own.order(), own.requestId());

        CapturedLogs logs = new CapturedLogs();
        logs.start();
        Response attack;
        try {
            attack = as("manager1").post("/engine-rest/task/" + own.taskId() + "/claim", Map.of("userId", "manager1"));
        } finally {
            logs.stop();
        }

        assertSoftly(softly -> {
            softly.assertThat(attack.status()).as("status; body: %s", attack.text()).isEqualTo(403);
            softly.assertThat(attack.text()).as("the reason").contains(SELF_APPROVAL);
            softly.assertThat(logs.containing(SELF_APPROVAL)).as("one WARN line with the reason")
                    .singleElement().extracting(ILoggingEvent::getLevel).isEqualTo(Level.WARN);
            softly.assertThat(logs.fromLogger("org.camunda.bpm.engine.context")).as("the engine's ERROR line").isEmpty();
            assertUnchanged(softly, before, snapshot(own.order(), own.requestId()));
        });
    }

    // --- 11. what holds today and must keep holding ---

    @Test
    void noNonAdminGroupMayDeployADiagramWithCodeInIt() {
        assertSoftly(softly -> {
            for (String user : List.of("sales1", "manager1", "finance1", "legal1", "delivery1")) {
                for (Diagram diagram : List.of(Diagram.withScriptTask(), Diagram.withExpression())) {
                    String name = "attack-" + UUID.randomUUID();
                    Response attack = deploy(as(user), name, diagram);
                    softly.assertThat(attack.status()).as("%s deploying a diagram with a %s; body: %s", user,
                            diagram.kind(), attack.text()).isEqualTo(403);
                    softly.assertThat(as("admin").get("/engine-rest/deployment/count?name=" + name).json()
                            .get("count").asInt()).as("deployments named " + name).isZero();
                    softly.assertThat(as("admin").get("/engine-rest/process-definition/count?key=" + diagram.key())
                            .json().get("count").asInt()).as("definitions " + diagram.key()).isZero();
                }
            }
        });
    }

    @Test
    void noTaskQueryEvaluatesAnExpression() {
        Order victim = newOrderOf("sales1", "Expression Victim Co");
        OrderState before = stateOf(victim);
        // Were it evaluated, this would cancel sales1's order.
        String expression = "${orderLifecycle.cancel(" + victim.id() + ", 'sales2')}";
        ApiClient sales2 = as("sales2");
        String groupTasksFilter = sales2.get("/engine-rest/filter?name=" + encode("Group tasks")).json().get(0)
                .get("id").asText();

        Response byAssignee = sales2.get("/engine-rest/task?assigneeExpression=" + encode(expression));
        Response byCandidateGroups = sales2.get("/engine-rest/task?candidateGroupsExpression=" + encode(expression));
        Response inAFilter = sales2.post("/engine-rest/filter/" + groupTasksFilter + "/list",
                Map.of("assigneeExpression", expression));

        assertSoftly(softly -> {
            for (Response attack : List.of(byAssignee, byCandidateGroups, inAFilter)) {
                softly.assertThat(attack.status()).as("a query with an expression; body: %s", attack.text())
                        .isIn(400, 403);
            }
            softly.assertThat(stateOf(victim)).as("the order the expression names").isEqualTo(before);
        });
    }

    // --- 12. who may see an order is decided before anything else about it ---

    @Test
    void anotherRepsOrderIsNotFoundBeforeItsPreconditionsAreChecked() {
        Order order = newOrderOf("sales1", "Hidden Order Co");
        OrderState before = stateOf(order);
        ApiClient sales2 = as("sales2");

        Response stalePatch = sales2.patch("/api/orders/" + order.id(), "\"0\"", Map.of("salesStage", "LOST"));
        Response read = sales2.get("/api/orders/" + order.id());

        assertSoftly(softly -> {
            assertRefused(softly, stalePatch, 404);
            assertRefused(softly, read, 404);
            softly.assertThat(stateOf(order)).as("order, audit trail and emails").isEqualTo(before);
        });
    }

    // --- what users must still be able to do ---

    @Test
    void anApproverOfTheGroupClaimsAndApprovesSomeoneElsesRequestWithTheFormsFieldsOnly() {
        Order order = newOrderOf("sales1", "Honest Approval Co");
        long requestId = contractChangeWaitingForLegal(order);
        String taskId = approvalTask(request(requestId).get("processInstanceId").asText(), "legal").get("id").asText();
        ApiClient legal1 = as("legal1");

        Response claimed = legal1.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "legal1"));
        assertThat(claimed.status()).as(claimed.text()).isEqualTo(204);
        Response completed = legal1.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
                "approved", Map.of("value", true), "comment", Map.of("value", "Terms checked"))));
        assertThat(completed.status()).as(completed.text()).isEqualTo(204);

        awaitRequestStatus(requestId, "APPLIED");
        JsonNode applied = as("admin").get("/api/orders/" + order.id()).json();
        assertThat(applied.at("/contract/paymentTermsDays").asInt()).isEqualTo(60);
        assertThat(request(requestId).get("approvals")).extracting(a -> a.get("user").asText())
                .containsExactly("legal1");
    }

    // --- the order, the request and what the tests compare ---

    private record Order(long id, String number) {
    }

    /** What an attack on an order could change: the order itself, its audit trail, its emails. */
    private record OrderState(String status, long version, int revision, String salesStage, int paymentTermsDays,
            int auditEvents, int notifications, int emails) {

        OrderState withOneMoreAuditEvent() {
            return new OrderState(status, version, revision, salesStage, paymentTermsDays, auditEvents + 1,
                    notifications, emails);
        }
    }

    /** What an attack on a request could change: its status, its decisions, its tasks in Tasklist. */
    private record RequestState(String status, List<String> approvals, List<String> tasks) {
    }

    private record Snapshot(OrderState order, RequestState request) {
    }

    /** A sales manager's request on a closed order: only sales-managers approve it, so manager1 has the task. */
    private record OwnApproval(Order order, long requestId, String processInstanceId, String taskId) {
    }

    private Order newOrderOf(String owner, String customerName) {
        ApiClient api = as(owner);
        JsonNode order = Fixtures.order(api, Fixtures.customer(api, customerName));
        return new Order(order.get("id").asLong(), order.get("orderNumber").asText());
    }

    /** A change of payment terms on an open order needs legal only; waits until legal has the task. */
    private long contractChangeWaitingForLegal(Order order) {
        Response filed = as("sales1").post("/api/orders/" + order.id() + "/modification-requests", Map.of(
                "reason", "CONTRACT_CHANGE", "description", "Customer negotiated longer terms",
                "changes", Map.of("contract.paymentTermsDays", 60)));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long requestId = filed.json().get("id").asLong();
        awaitRequestStatus(requestId, "IN_APPROVAL");
        JsonNode request = request(requestId);
        assertThat(request.get("requiredApprovals")).extracting(JsonNode::asText).containsExactly("legal");
        approvalTask(request.get("processInstanceId").asText(), "legal");
        return requestId;
    }

    private OwnApproval managersRequestOnAClosedOrder(String customerName) {
        Order order = newOrderOf("sales1", customerName);
        lifecycle.close(order.id(), "sales1");
        Response filed = as("manager1").post("/api/orders/" + order.id() + "/modification-requests", Map.of(
                "reason", "CORRECTION", "description", "The stage was recorded wrongly",
                "changes", Map.of("salesStage", "NEGOTIATION")));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long requestId = filed.json().get("id").asLong();
        awaitRequestStatus(requestId, "IN_APPROVAL");
        String processInstanceId = request(requestId).get("processInstanceId").asText();
        String taskId = approvalTask(processInstanceId, "sales-managers").get("id").asText();
        return new OwnApproval(order, requestId, processInstanceId, taskId);
    }

    /** Closes the order the way its owner does (delivered, invoiced, closed); returns its closing report. */
    private long closeThroughTheProcess(Order order) {
        ApiClient sales1 = as("sales1");
        String path = "/api/orders/" + order.id();
        long deliveryId = sales1.get(path + "/deliveries").json().get(0).get("id").asLong();
        assertThat(sales1.post(path + "/deliveries/" + deliveryId + "/delivered", "").status()).isEqualTo(200);
        assertThat(as("finance1").post(path + "/invoices", Map.of("amount", "3000.00")).status()).isEqualTo(201);
        Response close = sales1.post(path + "/close", "");
        assertThat(close.status()).as(close.text()).isEqualTo(202);
        String closing = close.json().get("processInstanceId").asText();
        // Its report and its emails are done when the instance is.
        Await.until("the closing of " + order.number() + " completed", () -> "COMPLETED".equals(as("admin")
                .get("/engine-rest/history/process-instance/" + closing).json().path("state").asText()));
        for (JsonNode report : sales1.get(path + "/reports").json()) {
            if (report.get("type").asText().equals("CLOSING")) {
                return report.get("id").asLong();
            }
        }
        throw new AssertionError("no closing report for " + order.number());
    }

    private JsonNode request(long requestId) {
        return as("admin").get("/api/modification-requests/" + requestId).json();
    }

    private void awaitRequestStatus(long requestId, String status) {
        Await.until("request " + requestId + " is " + status,
                () -> status.equals(request(requestId).get("status").asText()));
    }

    private JsonNode approvalTask(String processInstanceId, String group) {
        String query = "/engine-rest/task?processInstanceId=" + processInstanceId + "&candidateGroup=" + group;
        Await.until(group + " has the approval task of " + processInstanceId,
                () -> as("admin").get(query).json().size() == 1);
        return as("admin").get(query).json().get(0);
    }

    private OrderState stateOf(Order order) {
        ApiClient admin = as("admin");
        String path = "/api/orders/" + order.id();
        JsonNode now = admin.get(path).json();
        return new OrderState(now.get("status").asText(), now.get("version").asLong(), now.get("revision").asInt(),
                now.get("salesStage").asText(), now.at("/contract/paymentTermsDays").asInt(),
                admin.get(path + "/audit").json().size(), admin.get(path + "/notifications").json().size(),
                mailsAbout(order, null));
    }

    private RequestState requestStateOf(long requestId) {
        JsonNode request = request(requestId);
        List<String> approvals = new ArrayList<>();
        request.get("approvals").forEach(a -> approvals.add(a.get("group").asText() + " by " + a.get("user").asText()
                + ": " + a.get("decision").asText()));
        List<String> tasks = new ArrayList<>();
        as("admin").get("/engine-rest/task?processInstanceId=" + request.get("processInstanceId").asText()).json()
                .forEach(t -> tasks.add(t.get("taskDefinitionKey").asText() + " " + t.get("id").asText()
                        + " assignee " + t.path("assignee").asText("-")));
        return new RequestState(request.get("status").asText(), approvals, tasks);
    }

    private Snapshot snapshot(Order order, long requestId) {
        return new Snapshot(stateOf(order), requestStateOf(requestId));
    }

    /** Every email GreenMail received about the order (its number is in every subject), to anyone or to one address. */
    private static int mailsAbout(Order order, String recipient) {
        return (int) TestInfrastructure.allReceivedMessages().stream().filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains(order.number())
                        && (recipient == null || m.getAllRecipients()[0].toString().equals(recipient));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private List<Long> reviewIds() {
        List<Long> ids = new ArrayList<>();
        as("admin").get("/api/reviews?size=100").json().forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    // --- the attacks' requests ---

    private static Response startModificationBefore(ApiClient attacker, String activityId, long requestId) {
        return attacker.post(START.formatted("order-modification"), Map.of(
                "variables", Map.of("requestId", longValue(requestId)),
                "startInstructions", List.of(startBefore(activityId))));
    }

    private static Map<String, Object> startBefore(String activityId) {
        return Map.of("type", "startBeforeActivity", "activityId", activityId);
    }

    /** Delegates read ids as Long; the attacker types them so, or the instance would just fail. */
    private static Map<String, Object> longValue(long value) {
        return Map.of("value", value, "type", "Long");
    }

    private static Map<String, Object> stringValue(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A BPMN diagram that runs code of the deployer's choosing. */
    private record Diagram(String kind, String key, String xml) {

        static Diagram withScriptTask() {
            String key = "attack-script-" + UUID.randomUUID();
            return new Diagram("script task", key, process(key,
                    "<bpmn:scriptTask id=\"code\" scriptFormat=\"javascript\"><bpmn:script>"
                            + "execution.setVariable('owned', true)</bpmn:script></bpmn:scriptTask>"));
        }

        static Diagram withExpression() {
            String key = "attack-expression-" + UUID.randomUUID();
            return new Diagram("camunda:expression", key, process(key,
                    "<bpmn:serviceTask id=\"code\" camunda:expression=\"${orderLifecycle.cancel(1, 'attacker')}\"/>"));
        }

        private static String process(String key, String codeTask) {
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="attack" targetNamespace="http://attack.example">
                      <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                        <bpmn:startEvent id="start"/>
                        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="code"/>
                        %s
                        <bpmn:sequenceFlow id="f2" sourceRef="code" targetRef="end"/>
                        <bpmn:endEvent id="end"/>
                      </bpmn:process>
                    </bpmn:definitions>
                    """.formatted(key, codeTask);
        }
    }

    private static Response deploy(ApiClient deployer, String name, Diagram diagram) {
        String boundary = "----attack" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"" + diagram.key() + ".bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + diagram.xml() + "\r\n"
                + "--" + boundary + "--\r\n";
        return deployer.postRaw("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
    }

    // --- waiting for and judging an attack's outcome ---

    /**
     * When the engine accepted an attack, lets the instance it started run as far as it goes: no
     * asynchronous step (continuation, not a timer) left that could still run, either done or out of
     * retries. A refused attack started nothing and has nothing to wait for.
     */
    private void letItRunOut(Response attack) {
        if (attack.status() == 200 && attack.json().hasNonNull("id")) {
            letItRunOut(attack.json().get("id").asText());
        }
    }

    private void letItRunOut(String processInstanceId) {
        Await.until("instance " + processInstanceId + " has no step left to run", Duration.ofSeconds(120),
                () -> as("admin").get("/engine-rest/job/count?processInstanceId=" + processInstanceId
                        + "&messages=true&withRetriesLeft=true").json().get("count").asInt() == 0);
    }

    private static void assertRefused(SoftAssertions softly, Response response) {
        assertRefused(softly, response, 403);
    }

    private static void assertRefused(SoftAssertions softly, Response response, int status) {
        softly.assertThat(response.status()).as("status; body: %s", response.text()).isEqualTo(status);
        softly.assertThat(response.contentType()).as("content type; body: %s", response.text())
                .startsWith(PROBLEM_JSON);
    }

    /** A task that takes only its form's fields refuses others (400 or 403), saying why. */
    private static void assertTaskRefused(SoftAssertions softly, Response response) {
        softly.assertThat(response.status()).as("status; body: %s", response.text()).isIn(400, 403);
        softly.assertThat(response.contentType()).as("content type").contains("json");
        softly.assertThat(response.text()).as("a reason").isNotBlank();
    }

    private static void assertUnchanged(SoftAssertions softly, Snapshot before, Snapshot after) {
        softly.assertThat(after.request()).as("the request, its decisions and tasks").isEqualTo(before.request());
        softly.assertThat(after.order()).as("the order, its audit trail and emails").isEqualTo(before.order());
    }
}
