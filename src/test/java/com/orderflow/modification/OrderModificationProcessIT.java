package com.orderflow.modification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.modification.ModificationViews.ResubmitRequest;
import com.orderflow.modification.ModificationViews.SubmitRequest;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.shared.Actor;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;
import com.orderflow.support.Mailbox;
import com.orderflow.support.TestInfrastructure;

/** Every path of order-modification.bpmn, with the real delegates, on PostgreSQL. */
class OrderModificationProcessIT extends IntegrationTest {

    private static final Actor SALES1 = new Actor("sales1", Set.of("sales"));

    @Autowired
    ProcessEngine engine;
    @Autowired
    ModificationService modifications;
    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    void aSmallChangeOnAnOpenOrderIsAutoApprovedAndApplied() {
        long orderId = newOrder();
        RequestView request = submit(orderId, Map.of("customer.phone", "+86 21 5555 0199"));
        assertThat(request.requiredApprovals()).isEmpty();

        awaitStatus(request.id(), RequestStatus.APPLIED);
        assertThat(historyPassed(request.processInstanceId(), "approve-modification")).isFalse();
        assertThat(historyPassed(request.processInstanceId(), "apply-modification")).isTrue();
        assertThat(as("sales1").get("/api/orders/" + orderId).json().get("customer").get("phone").asText())
                .isEqualTo("+86 21 5555 0199");
    }

    @Test
    void aHighDiscountNeedsFinanceOnly() {
        long orderId = newOrder();
        RequestView request = submit(orderId, Map.of("discountPercent", 20));
        assertThat(request.requiredApprovals()).containsExactly("finance");
        assertThat(instance(request)).isWaitingAt("approve-modification");

        decide(request, "finance1", true, "ok");
        awaitStatus(request.id(), RequestStatus.APPLIED);
        assertThat(as("sales1").get("/api/orders/" + orderId).json().get("discountPercent").decimalValue())
                .isEqualByComparingTo("20");
    }

    @Test
    void aClosedOrderWithBigContractAndAmountChangesNeedsThreeGroups() {
        long orderId = newOrder();
        lifecycle.close(orderId, "sales1");
        RequestView request = submit(orderId, Map.of("contract.warrantyMonths", 36,
                "lines", lines(10, "2000.00")));
        assertThat(request.requiredApprovals()).containsExactlyInAnyOrder("sales-managers", "finance", "legal");
        assertThat(tasks.createTaskQuery().processInstanceId(request.processInstanceId()).count()).isEqualTo(3);

        decide(request, "manager1", true, null);
        decide(request, "legal1", true, "terms fine");
        assertThat(modifications.find(request.id(), SALES1).status()).isEqualTo(RequestStatus.IN_APPROVAL);
        decide(request, "finance1", true, null);
        awaitStatus(request.id(), RequestStatus.APPLIED);
        assertThat(modifications.find(request.id(), SALES1).approvals()).extracting("user")
                .containsExactly("manager1", "legal1", "finance1");
    }

    @Test
    void aRejectedRequestCanBeResubmittedWithNewValues() {
        long orderId = newOrder();
        RequestView request = submit(orderId, Map.of("discountPercent", 30));
        decide(request, "finance1", false, "30 % is too much");
        awaitTask(request, "revise-request");
        assertThat(modifications.find(request.id(), SALES1).status()).isEqualTo(RequestStatus.REJECTED);

        modifications.resubmit(request.id(), new ResubmitRequest("Customer accepts 18 %",
                Map.of("discountPercent", json.valueToTree(18))), SALES1);
        assertThat(instance(request)).isWaitingAt("approve-modification");
        decide(request, "finance1", true, null);
        awaitStatus(request.id(), RequestStatus.APPLIED);
        RequestView applied = modifications.find(request.id(), SALES1);
        assertThat(applied.round()).isEqualTo(2);
        assertThat(applied.changes().get(0).after().decimalValue()).isEqualByComparingTo("18");
    }

    @Test
    void theApproversEmailIsSentWithTheTaskAndNoEmailJobRunsBesideIt() {
        long orderId = newOrder();
        RequestView request = submit(orderId, Map.of("discountPercent", 21));
        String number = orderNumberOf(orderId);

        // The step that created the task sent the email in the same job: it is there when the task is.
        assertThat(Mailbox.about(number, "finance1@orderflow.local")).hasSize(1);
        assertThat(queuedEmails(request)).isEmpty();
        // The approval instance only waits for the decision (and its timers): no email job runs beside it.
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(request.processInstanceId())
                .messages().count()).isZero();
        decide(request, "finance1", true, "at once");
        awaitStatus(request.id(), RequestStatus.APPLIED);

        Await.until("finance got the approval request and the applied notice",
                () -> Mailbox.about(number, "finance1@orderflow.local").size() >= 2);
        assertThat(Mailbox.about(number, "finance1@orderflow.local")).extracting(Mailbox.Mail::messageId)
                .as("each once").hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void anApproversEmailTheMailServerRefusesIsRetriedByAnInstanceOfItsOwnWhileTheTaskWaits() {
        long orderId = newOrder();
        String number = orderNumberOf(orderId);
        RequestView request;
        TestInfrastructure.stopSmtp();
        try {
            request = submit(orderId, Map.of("discountPercent", 22));
            assertThat(instance(request)).isWaitingAt("approve-modification");
            assertThat(queuedEmails(request)).singleElement().satisfies(queued -> assertThat(engine
                    .getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(queued.getId())
                    .variableName("template").singleResult().getValue()).isEqualTo("modification-approval-needed"));
        } finally {
            TestInfrastructure.startSmtp();
        }
        Await.until("the queued email is sent", () -> engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(queuedEmails(request).get(0).getId()).finished().count() == 1);
        assertThat(Mailbox.about(number, "finance1@orderflow.local")).as("sent once, after the outage").hasSize(1);
    }

    /** The send-email instances of the request's order (business key = order number). */
    private List<HistoricProcessInstance> queuedEmails(RequestView request) {
        String orderNumber = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(request.processInstanceId()).singleResult().getBusinessKey();
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("send-email")
                .processInstanceBusinessKey(orderNumber).list();
    }

    @Test
    void aRejectedRequestCanBeWithdrawn() {
        long orderId = newOrder();
        RequestView request = submit(orderId, Map.of("discountPercent", 25));
        decide(request, "finance1", false, "no");
        awaitTask(request, "revise-request");

        ProcessInstance pi = instance(request);
        modifications.withdraw(request.id(), SALES1);
        Await.until("the process ended", () -> runtime.createProcessInstanceQuery()
                .processInstanceId(pi.getId()).count() == 0);
        assertThat(pi).isEnded().hasPassed("withdraw-after-rejection");
        assertThat(modifications.find(request.id(), SALES1).status()).isEqualTo(RequestStatus.WITHDRAWN);
        assertThat(as("sales1").get("/api/orders/" + orderId).json().get("discountPercent").decimalValue())
                .isEqualByComparingTo("0");
    }

    @Test
    void theRequesterMayNotApproveTheirOwnRequest() {
        long orderId = newOrder();
        RequestView request = decided(new RequestViewFor(modifications).submitAs(orderId,
                new Actor("manager1", Set.of("sales-managers")), Map.of("discountPercent", json.valueToTree(16))));
        Task task = tasks.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult();
        identity.setAuthentication("manager1", List.of("sales-managers", "finance"));
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("approved", true)))
                .hasMessageContaining("may not approve");
        identity.clearAuthentication();
        assertThatThrownBy(() -> tasks.claim(task.getId(), "manager1")).hasMessageContaining("may not approve");
        assertThat(instance(request)).isWaitingAt("approve-modification");
        assertThat(modifications.find(request.id(), SALES1).approvals()).isEmpty();
    }

    @Test
    void remindersAndEscalationFollowTheTimers() {
        long orderId = newOrder();
        RequestView request = submit(orderId, Map.of("discountPercent", 17));
        ProcessInstance pi = instance(request);

        ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(Duration.ofHours(25))));
        Await.until("the reminder ran", () -> historyPassed(pi.getId(), "remind-approvers"));
        assertThat(pi).isWaitingAt("approve-modification");

        ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(Duration.ofDays(4))));
        awaitTask(request, "escalated-approval");
        Task escalated = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(escalated.getTaskDefinitionKey()).isEqualTo("escalated-approval");
        decide(request, "manager1", true, "approved on escalation");
        awaitStatus(request.id(), RequestStatus.APPLIED);
    }

    @Test
    void theSecondOfTwoRequestsOnTheSameVersionEndsInConflict() {
        long orderId = newOrder();
        RequestView first = submit(orderId, Map.of("discountPercent", 16));
        RequestView second = submit(orderId, Map.of("discountPercent", 19));
        assertThat(first.baseVersion()).isEqualTo(second.baseVersion());

        decide(first, "finance1", true, null);
        awaitStatus(first.id(), RequestStatus.APPLIED);
        decide(second, "finance1", true, null);
        awaitStatus(second.id(), RequestStatus.CONFLICT);
        awaitTask(second, "resolve-conflict");
        assertThat(tasks.createTaskQuery().processInstanceId(second.processInstanceId()).singleResult().getAssignee())
                .isEqualTo("sales1");
        assertThat(as("sales1").get("/api/orders/" + orderId).json().get("discountPercent").decimalValue())
                .isEqualByComparingTo("16");
    }

    // --- helpers ---

    private long newOrder() {
        return Fixtures.order(as("sales1"), Fixtures.customer(as("sales1"), "Process Test Co")).get("id").asLong();
    }

    private String orderNumberOf(long orderId) {
        return as("sales1").get("/api/orders/" + orderId).json().get("orderNumber").asText();
    }

    private RequestView submit(long orderId, Map<String, Object> changes) {
        Map<String, JsonNode> values = new java.util.LinkedHashMap<>();
        changes.forEach((k, v) -> values.put(k, json.valueToTree(v)));
        return decided(modifications.submit(orderId, new SubmitRequest(ModificationReason.CUSTOMER_REQUIREMENT,
                "Customer asked", values), SALES1));
    }

    /** A request is filed SUBMITTED; the process decides its approvers in a job right after. */
    private RequestView decided(RequestView filed) {
        assertThat(filed.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(filed.requiredApprovals()).isEmpty();
        Await.until("the approvers of request " + filed.id() + " are decided",
                () -> modifications.find(filed.id(), SALES1).status() != RequestStatus.SUBMITTED);
        return modifications.find(filed.id(), SALES1);
    }

    private static List<Map<String, Object>> lines(int quantity, String unitPrice) {
        return List.of(Map.of("sku", "PUMP-7", "description", "Industrial pump", "quantity", quantity,
                "unitPrice", unitPrice));
    }

    private void decide(RequestView request, String user, boolean approved, String comment) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId())
                .toList();
        Task task = tasks.createTaskQuery().processInstanceId(request.processInstanceId())
                .taskCandidateGroupIn(groups).singleResult();
        assertThat(task).as("a task for " + user).isNotNull();
        Map<String, Object> outcome = new java.util.HashMap<>();
        outcome.put("approved", approved);
        outcome.put("comment", comment);
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task.getId(), outcome);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * The approvers' email runs as a parallel job of the same instance; a human completing a task at
     * the very same moment gets Camunda's OptimisticLockingException and simply tries again.
     */
    private ProcessInstance instance(RequestView request) {
        return runtime.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).singleResult();
    }

    private boolean historyPassed(String processInstanceId, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId(activityId).finished().count() > 0;
    }

    private void awaitTask(RequestView request, String taskKey) {
        Await.until(taskKey + " is active", () -> tasks.createTaskQuery()
                .processInstanceId(request.processInstanceId()).taskDefinitionKey(taskKey).count() == 1);
    }

    private void awaitStatus(Long requestId, RequestStatus status) {
        Await.until("request " + requestId + " is " + status,
                () -> modifications.find(requestId, SALES1).status() == status);
    }

    /** Files a request as another user (e.g. a sales manager who owns no order but may change any). */
    private record RequestViewFor(ModificationService modifications) {
        RequestView submitAs(long orderId, Actor actor, Map<String, JsonNode> changes) {
            return modifications.submit(orderId, new SubmitRequest(ModificationReason.CORRECTION, "Fix", changes),
                    actor);
        }
    }
}
