package com.orderflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

import com.orderflow.support.ClassDeployment;
import com.orderflow.support.DiagramBeans;
import com.orderflow.support.DiagramTestCase;
import com.orderflow.support.DiagramStep;
import com.orderflow.support.FlowCoverage;
import com.orderflow.support.ProcessTestEngine;

/**
 * order-reopening.bpmn alone: administrators are emailed with the task's creation, approve (the order is
 * reopened and everyone told) or reject (the requester is told), and an email that keeps failing becomes
 * an incident after the order was reopened.
 */
class OrderReopeningProcessTest extends DiagramTestCase {

    static final String DIAGRAM = "processes/order-reopening.bpmn";
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();
    @RegisterExtension
    static final ClassDeployment DEPLOYMENT = ClassDeployment.of(DIAGRAM, "processes/forms/approve-reopening.form");
    @RegisterExtension
    static final FlowCoverage COVERAGE = FlowCoverage.of(DIAGRAM);

    OrderReopeningProcessTest() {
        super(DiagramBeans.of(DIAGRAM)
                .settings("retryPolicy", Map.of("mail", "R3/PT5M", "work", "R2/PT10S")), Date.from(NOW));
    }

    @BeforeEach
    void theDecisionReachesTheInstanceAsOrderflowsListenerPutsIt() {
        // As orderflow's listener does: the decision of the form, on the instance.
        beans.at("approve-reopening", step -> {
            if (step.isTaskEvent("complete")) {
                step.setOnInstance("approved", step.task().getVariable("approved"));
            }
        });
    }

    @Test
    void administratorsAreEmailedInTheTransactionThatGivesThemTheTask() {
        ProcessInstance instance = start();

        assertThat(beans.callsAt("reopening-requested")).extracting(DiagramStep::event).containsExactly("start");
        assertThat(instance).hasPassedInOrder("reopening-requested", "notify-admins").isWaitingAt("approve-reopening");
        assertThat(beans.callsAt("notify-admins")).hasSize(1);
        Task task = task(instance);
        assertThat(task).hasCandidateGroup("camunda-admin").isNotAssigned();
        assertThat(task.getName()).isEqualTo("审批撤销结单 Approve reopening SO-2027-000042");
        assertThat(task.getCamundaFormRef().getKey()).isEqualTo("approve-reopening");
    }

    @Test
    void anApprovedReopeningReopensTheOrderThenEmailsEveryoneInAJobOfItsOwn() {
        ProcessInstance instance = start();
        tasks.claim(task(instance).getId(), "admin");

        tasks.complete(task(instance).getId(), Map.of("approved", true, "comment", "Invoice was wrong"));

        assertThat(beans.callsAt("approve-reopening")).extracting(DiagramStep::event)
                .containsExactly("assignment", "complete");
        assertThat(instance).hasPassed("reopen-order").isWaitingAt("notify-reopened");
        runJob(instance, "notify-reopened");
        assertThat(instance).hasPassedInOrder("approve-reopening", "reopening-approved", "reopen-order",
                "notify-reopened", "order-reopened").isEnded();
        assertThat(instance).hasNotPassed("notify-rejected");
    }

    @Test
    void aRejectedReopeningTellsTheRequesterAndLeavesTheOrderClosed() {
        ProcessInstance instance = start();

        tasks.complete(task(instance).getId(), Map.of("approved", false, "comment", "Not a mistake"));

        assertThat(instance).isWaitingAt("notify-rejected").hasNotPassed("reopen-order");
        runJob(instance, "notify-rejected");
        assertThat(instance).hasPassedInOrder("reopening-approved", "notify-rejected", "reopening-rejected").isEnded();
        assertThat(beans.callsAt("reopen-order")).isEmpty();
    }

    @Test
    void aDecisionTheListenerRefusesKeepsTheTaskOpen() {
        ProcessInstance instance = start();
        String taskId = task(instance).getId();
        beans.at("approve-reopening", step -> {
            throw new IllegalStateException("Nobody approves their own reopening");
        });

        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("approved", true)))
                .hasStackTraceContaining("Nobody approves their own reopening");

        assertThat(instance).isWaitingAt("approve-reopening").hasNotPassed("reopening-approved");
    }

    @Test
    void anEmailThatKeepsFailingBecomesAnIncidentAfterTheOrderWasReopened() {
        ProcessInstance instance = start();
        tasks.complete(task(instance).getId(), Map.of("approved", true));
        beans.failAt("notify-reopened", new IllegalStateException("mail server down"));

        for (int attempt = 1; attempt <= 3; attempt++) {
            Job job = job(instance, "notify-reopened");
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasStackTraceContaining("mail server down");
        }

        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("notify-reopened");
        assertThat(instance).hasPassed("reopen-order").isWaitingAt("notify-reopened");
        assertThat(beans.callsAt("reopen-order")).hasSize(1);
    }

    private ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("orderId", 42L);
        variables.put("orderNumber", "SO-2027-000042");
        variables.put("requester", "sales1");
        variables.put("owner", "sales1");
        variables.put("reason", "Closed by mistake");
        return runtime.startProcessInstanceByKey("order-reopening", "SO-2027-000042", variables);
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
    }

    private Job job(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private void runJob(ProcessInstance instance, String activityId) {
        management.executeJob(job(instance, activityId).getId());
    }
}
