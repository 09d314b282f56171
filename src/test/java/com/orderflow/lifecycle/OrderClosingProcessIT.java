package com.orderflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.orderflow.lifecycle.LifecycleRequests.ProcessStarted;
import com.orderflow.order.OrderStatus;
import com.orderflow.order.SalesOrderRepository;
import com.orderflow.report.ReportService;
import com.orderflow.report.ReportType;
import com.orderflow.shared.Actor;
import com.orderflow.shared.ConflictException;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/** Every path of order-closing.bpmn and order-reopening.bpmn, with the real delegates, on PostgreSQL. */
class OrderClosingProcessIT extends IntegrationTest {

    private static final Actor SALES1 = new Actor("sales1", Set.of("sales"));
    private static final Actor ADMIN = new Actor("admin", Set.of("camunda-admin"));

    @Autowired
    ProcessEngine engine;
    @Autowired
    LifecycleProcesses processes;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    SalesOrderRepository orders;
    @Autowired
    ReportService reports;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    // --- order-closing ---

    @Test
    void failedChecksGoToTheOwnerWhoFixesAndChecksAgain() {
        long orderId = newOrder();
        ProcessInstance pi = instance(processes.close(orderId, SALES1));

        assertThat(pi).isWaitingAt("fix-before-closing");
        Task task = task(pi);
        assertThat(task.getAssignee()).isEqualTo("sales1");
        String failed = (String) variable(pi, "failedChecks");
        assertThat(failed).contains("Delivery").contains("SCHEDULED").contains("Invoices").contains("0 EUR");
        assertThat(status(orderId)).isEqualTo(OrderStatus.OPEN);

        deliverAndInvoice(orderId, "3000.00");
        complete(task, "sales1", Map.of("retry", true));

        assertThat(pi).hasPassedInOrder("run-closing-checks", "fix-before-closing", "run-closing-checks",
                "close-order");
        assertThat(status(orderId)).isEqualTo(OrderStatus.CLOSED);
        awaitEnded(pi);
        assertThat(pi).isEnded().hasPassed("write-closing-report", "notify-closed");
        // The invoice's own PDF, then the closing report.
        assertThat(reports.forOrder(orderId)).extracting(r -> r.getType())
                .containsExactly(ReportType.INVOICE, ReportType.CLOSING);
    }

    @Test
    void theOwnerCanCancelTheCloseAndTheOrderStaysAsItWas() {
        long orderId = newOrder();
        int revision = orders.findById(orderId).orElseThrow().getRevision();
        ProcessInstance pi = instance(processes.close(orderId, SALES1));
        assertThat(pi).isWaitingAt("fix-before-closing");

        assertThatThrownBy(() -> complete(task(pi), "sales1", Map.of())).hasMessageContaining("retry");
        complete(task(pi), "sales1", Map.of("retry", false));

        assertThat(pi).isEnded().hasPassed("closing-cancelled").hasNotPassed("close-order");
        var order = orders.findById(orderId).orElseThrow();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.OPEN);
        assertThat(order.getRevision()).isEqualTo(revision);
        assertThat(order.getClosedAt()).isNull();
    }

    @Test
    void anOrderThatPassesTheChecksIsClosedReportedAndMailed() {
        long orderId = newOrder();
        deliverAndInvoice(orderId, "3000.00");
        ProcessInstance pi = instance(processes.close(orderId, SALES1));

        assertThat(pi).hasPassed("close-order").hasNotPassed("fix-before-closing");
        var order = orders.findById(orderId).orElseThrow();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CLOSED);
        assertThat(order.getClosedBy()).isEqualTo("sales1");
        assertThat(order.getClosedAt()).isNotNull();
        assertThat(order.getRevision()).isEqualTo(2);
        assertThat(variable(pi, "closedRevision")).isEqualTo(2);

        awaitEnded(pi);
        assertThat(pi).hasPassedInOrder("close-order", "write-closing-report", "notify-closed", "order-closed");
        assertThat(reports.forOrder(orderId)).filteredOn(r -> r.getType() != ReportType.INVOICE).singleElement()
                .satisfies(r -> {
            assertThat(r.getType()).isEqualTo(ReportType.CLOSING);
            assertThat(r.getFileName()).endsWith("-closing-r2.pdf");
        });
        var mails = as("sales1").get("/api/orders/" + orderId + "/notifications").json();
        List<String> closedTo = new ArrayList<>();
        mails.forEach(n -> {
            if (n.get("template").asText().equals("order-closed")) {
                closedTo.add(n.get("recipient").asText());
                assertThat(n.get("state").asText()).isEqualTo("SENT");
            }
        });
        assertThat(closedTo).contains("sales1@orderflow.local", "finance1@orderflow.local",
                "delivery1@orderflow.local");
    }

    @Test
    void invoicesThatNeedReissueDoNotCount() {
        long orderId = newOrder();
        deliverAndInvoice(orderId, "2999.99");
        ProcessInstance pi = instance(processes.close(orderId, SALES1));
        assertThat(pi).isWaitingAt("fix-before-closing");
        assertThat((String) variable(pi, "failedChecks")).doesNotContain("Delivery ")
                .contains("2999.99 EUR").contains("3000.00 EUR");
        complete(task(pi), "sales1", Map.of("retry", false));
    }

    @Test
    void startingTheCloseTwiceIsRefusedAndOnlyOneProcessRuns() throws Exception {
        long orderId = newOrder();
        processes.close(orderId, SALES1);
        assertThatThrownBy(() -> processes.close(orderId, SALES1)).isInstanceOf(ConflictException.class);

        long other = newOrder();
        List<Object> outcomes = race(() -> processes.close(other, SALES1), () -> processes.close(other, SALES1));
        assertThat(outcomes).filteredOn(ProcessStarted.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderNumber(other))
                .processDefinitionKey("order-closing").count()).isEqualTo(1);
    }

    // --- order-reopening ---

    @Test
    void anApprovedReopeningReopensTheOrder() {
        long orderId = closedOrder();
        ProcessInstance pi = reopening(processes.reopen(orderId, "Wrong invoice address", SALES1));
        assertThat(pi).isWaitingAt("approve-reopening");
        assertThat(task(pi)).isNotNull();
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("camunda-admin").count())
                .isEqualTo(1);

        complete(task(pi), "admin", Map.of("approved", true));
        assertThat(status(orderId)).isEqualTo(OrderStatus.REOPENED);
        assertThat(orders.findById(orderId).orElseThrow().getRevision()).isEqualTo(3);
        awaitEnded(pi);
        assertThat(pi).hasPassed("reopen-order", "notify-reopened", "order-reopened", "notify-admins")
                .hasNotPassed("notify-rejected");
        assertThat(variable(pi, "decidedBy")).isEqualTo("admin");
    }

    @Test
    void aRejectedReopeningLeavesTheOrderClosedAndTellsTheRequester() {
        long orderId = closedOrder();
        ProcessInstance pi = reopening(processes.reopen(orderId, "Customer changed their mind", SALES1));

        assertThatThrownBy(() -> complete(task(pi), "admin", Map.of("approved", false)))
                .hasMessageContaining("reject");
        Map<String, Object> outcome = new HashMap<>();
        outcome.put("approved", false);
        outcome.put("comment", "Use a modification request instead");
        complete(task(pi), "admin", outcome);

        awaitEnded(pi);
        assertThat(pi).hasPassed("notify-rejected", "reopening-rejected").hasNotPassed("reopen-order");
        assertThat(status(orderId)).isEqualTo(OrderStatus.CLOSED);
        Await.until("the requester is told", () -> as("sales1").get("/api/orders/" + orderId + "/notifications")
                .text().contains("order-reopen-rejected"));
    }

    @Test
    void nobodyApprovesTheirOwnReopeningAndOnlyAdminsDecide() {
        long orderId = closedOrder();
        ProcessInstance pi = reopening(processes.reopen(orderId, "Admin fixes a mistake", ADMIN));
        Task task = task(pi);

        identity.setAuthentication("admin", List.of("camunda-admin"));
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("approved", true)))
                .hasMessageContaining("may not approve");
        assertThatThrownBy(() -> tasks.claim(task.getId(), "admin")).hasMessageContaining("may not approve");
        identity.clearAuthentication();

        identity.setAuthentication("manager1", List.of("sales-managers"));
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("approved", true)));
        identity.clearAuthentication();
        // Even with the engine's authorization checks out of the way, the listener refuses non-admins.
        tasks.setAssignee(task.getId(), "manager1");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("approved", true)))
                .hasMessageContaining("Only camunda-admin");

        assertThat(pi).isWaitingAt("approve-reopening");
        assertThat(status(orderId)).isEqualTo(OrderStatus.CLOSED);
        runtime.deleteProcessInstance(pi.getId(), "test done");
    }

    @Test
    void reopeningNeedsAClosedOrderAndOneAtATime() {
        long orderId = newOrder();
        assertThatThrownBy(() -> processes.reopen(orderId, "why", SALES1)).hasMessageContaining("only CLOSED");
        long closed = closedOrder();
        ProcessInstance pi = reopening(processes.reopen(closed, "first", SALES1));
        assertThatThrownBy(() -> processes.reopen(closed, "second", SALES1)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> processes.close(closed, SALES1)).isInstanceOf(ConflictException.class);
        runtime.deleteProcessInstance(pi.getId(), "test done");
    }

    // --- helpers ---

    private long newOrder() {
        return Fixtures.order(as("sales1"), Fixtures.customer(as("sales1"), "Closing Process Co")).get("id").asLong();
    }

    private long closedOrder() {
        long orderId = newOrder();
        deliverAndInvoice(orderId, "3000.00");
        ProcessInstance pi = instance(processes.close(orderId, SALES1));
        awaitEnded(pi);
        assertThat(status(orderId)).isEqualTo(OrderStatus.CLOSED);
        return orderId;
    }

    private void deliverAndInvoice(long orderId, String amount) {
        ApiClient sales1 = as("sales1");
        long deliveryId = sales1.get("/api/orders/" + orderId + "/deliveries").json().get(0).get("id").asLong();
        assertThat(sales1.post("/api/orders/" + orderId + "/deliveries/" + deliveryId + "/delivered", "").status())
                .isEqualTo(200);
        assertThat(as("finance1").post("/api/orders/" + orderId + "/invoices", Map.of("amount", amount)).status())
                .isEqualTo(201);
    }

    private OrderStatus status(long orderId) {
        return orders.findById(orderId).orElseThrow().getStatus();
    }

    private String orderNumber(long orderId) {
        return orders.findById(orderId).orElseThrow().getOrderNumber();
    }

    private ProcessInstance instance(ProcessStarted started) {
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(started.processInstanceId())
                .singleResult();
        if (pi != null) {
            return pi;
        }
        // Already ended (the job executor was quick): the assertions read the history by id.
        ExecutionEntity ended = new ExecutionEntity();
        ended.setId(started.processInstanceId());
        ended.setProcessInstanceId(started.processInstanceId());
        return ended;
    }

    private Object variable(ProcessInstance pi, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
                .singleResult().getValue();
    }

    /** The admins' email is sent as the approval task is created; the approval need not wait for it. */
    private ProcessInstance reopening(ProcessStarted started) {
        ProcessInstance pi = instance(started);
        assertThat(pi).hasPassed("notify-admins").isWaitingAt("approve-reopening");
        return pi;
    }

    private Task task(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private void complete(Task task, String user, Map<String, Object> variables) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId())
                .toList();
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private void awaitEnded(ProcessInstance pi) {
        Await.until("process " + pi.getId() + " ended", () -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(pi.getId()).finished().count() == 1);
    }

    private static List<Object> race(Callable<Object> first, Callable<Object> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> call : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
