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
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.orderflow.support.ClassDeployment;
import com.orderflow.support.DiagramBeans;
import com.orderflow.support.DiagramTestCase;
import com.orderflow.support.DiagramStep;
import com.orderflow.support.FlowCoverage;
import com.orderflow.support.ProcessTestEngine;

/**
 * order-closing.bpmn alone, every bean it names stood in for: checks pass, checks fail and the owner
 * checks again or cancels, and a step that keeps failing becomes an incident.
 */
class OrderClosingProcessTest extends DiagramTestCase {

    static final String DIAGRAM = "processes/order-closing.bpmn";
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();
    @RegisterExtension
    static final ClassDeployment DEPLOYMENT = ClassDeployment.of(DIAGRAM, "processes/forms/fix-before-closing.form");
    @RegisterExtension
    static final FlowCoverage COVERAGE = FlowCoverage.of(DIAGRAM);

    OrderClosingProcessTest() {
        super(DiagramBeans.of(DIAGRAM)
                .settings("retryPolicy", Map.of("mail", "R3/PT5M", "work", "R2/PT10S")), Date.from(NOW));
    }

    @Test
    void anOrderThatPassesTheChecksIsClosedReportedAndMailedInJobsOfTheirOwn() {
        checksPass(true);

        ProcessInstance instance = start();

        assertThat(beans.callsAt("closing-requested")).extracting(DiagramStep::event).containsExactly("start");
        assertThat(instance).hasPassedInOrder("run-closing-checks", "close-order").isWaitingAt("write-closing-report");
        runJob(instance, "write-closing-report");
        assertThat(instance).isWaitingAt("notify-closed");
        runJob(instance, "notify-closed");

        assertThat(instance).hasPassedInOrder("closing-requested", "run-closing-checks", "checks-passed",
                "close-order", "write-closing-report", "notify-closed", "order-closed").isEnded();
        assertThat(instance).hasNotPassed("fix-before-closing");
        assertThat(beans.callsAt("notify-closed")).hasSize(1);
    }

    @Test
    void failedChecksGoToTheOwnerWhoChecksAgainAndThenTheOrderCloses() {
        checksPass(false);
        ProcessInstance instance = start();

        Task fix = task(instance);
        assertThat(fix).hasDefinitionKey("fix-before-closing").isAssignedTo("sales1");
        assertThat(fix.getName()).isEqualTo("结单前处理 Fix before closing SO-2027-000042");
        assertThat(instance).hasNotPassed("close-order");

        checksPass(true);
        tasks.complete(fix.getId(), Map.of("retry", true));

        assertThat(beans.callsAt("fix-before-closing")).extracting(DiagramStep::event).containsExactly("complete");
        assertThat(beans.callsAt("run-closing-checks")).hasSize(2);
        assertThat(instance).hasPassed("retry-checks", "checks-join", "close-order")
                .isWaitingAt("write-closing-report");
    }

    @Test
    void theOwnerCancelsTheCloseAndNothingIsClosed() {
        checksPass(false);
        ProcessInstance instance = start();

        tasks.complete(task(instance).getId(), Map.of("retry", false));

        assertThat(instance).hasPassedInOrder("fix-before-closing", "retry-checks", "closing-cancelled").isEnded();
        assertThat(instance).hasNotPassed("close-order", "write-closing-report", "notify-closed");
        assertThat(beans.callsAt("run-closing-checks")).hasSize(1);
    }

    @Test
    void aDecisionTheListenerRefusesKeepsTheTaskWithTheOwner() {
        checksPass(false);
        ProcessInstance instance = start();
        String taskId = task(instance).getId();
        beans.at("fix-before-closing", step -> {
            if (!(step.task().getVariable("retry") instanceof Boolean)) {
                throw new IllegalArgumentException("Decide: set retry to true or false");
            }
        });

        assertThatThrownBy(() -> tasks.complete(taskId)).hasStackTraceContaining("Decide: set retry");

        assertThat(instance).isWaitingAt("fix-before-closing").hasNotPassed("retry-checks", "closing-cancelled");
        assertThat(task(instance).getId()).isEqualTo(taskId);
    }

    @Test
    void aReportThatCannotBeWrittenIsRetriedThenLeftAsAnIncidentWithTheOrderClosed() {
        checksPass(true);
        ProcessInstance instance = start();
        beans.failAt("write-closing-report", new IllegalStateException("disk full"));

        // R2/PT10S: two attempts, then an incident in Cockpit.
        for (int attempt = 1; attempt <= 2; attempt++) {
            Job job = job(instance, "write-closing-report");
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasStackTraceContaining("disk full");
        }

        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("write-closing-report");
        assertThat(incident.getIncidentMessage()).contains("disk full");
        assertThat(instance).hasPassed("close-order").isWaitingAt("write-closing-report").hasNotPassed("notify-closed");

        // Fixed and retried from Cockpit: the process goes on.
        beans.workAt("write-closing-report");
        management.setJobRetries(job(instance, "write-closing-report").getId(), 1);
        runJob(instance, "write-closing-report");
        assertThat(instance).isWaitingAt("notify-closed");
        assertThat(beans.callsAt("close-order")).hasSize(1);
    }

    private void checksPass(boolean passed) {
        beans.at("run-closing-checks", step -> {
            step.execution().setVariable("checksPassed", passed);
            step.execution().setVariable("failedChecks", passed ? "" : "Line 1 not delivered");
        });
    }

    private ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("orderId", 42L);
        variables.put("orderNumber", "SO-2027-000042");
        variables.put("requester", "sales1");
        variables.put("owner", "sales1");
        return runtime.startProcessInstanceByKey("order-closing", "SO-2027-000042", variables);
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private Job job(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private void runJob(ProcessInstance instance, String activityId) {
        management.executeJob(job(instance, activityId).getId());
    }
}
