package com.orderflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.orderflow.support.DiagramBeans;
import com.orderflow.support.DiagramTestCase;
import com.orderflow.support.FlowCoverage;
import com.orderflow.support.ProcessTestEngine;

/**
 * closed-order-review.bpmn alone: the weekly timer starts it on the engine clock; with findings sales
 * managers get a task, without none; a scan that keeps failing becomes an incident. Deployed per test
 * ({@code @Deployment}), after the beans are registered: the timer's cron is read when it is deployed.
 */
@Deployment(resources = { ClosedOrderReviewProcessTest.DIAGRAM, "processes/forms/review-findings.form" })
class ClosedOrderReviewProcessTest extends DiagramTestCase {

    static final String DIAGRAM = "processes/closed-order-review.bpmn";
    private static final String PROCESS = "closed-order-review";
    /** A Sunday noon on the machine's clock, where Camunda reads the cron. */
    private static final LocalDateTime SUNDAY_NOON = LocalDateTime.parse("2027-02-28T12:00:00");

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();
    @RegisterExtension
    static final FlowCoverage COVERAGE = FlowCoverage.of(DIAGRAM);

    ClosedOrderReviewProcessTest() {
        super(DiagramBeans.of(DIAGRAM)
                .settings("retryPolicy", Map.of("mail", "R3/PT5M", "work", "R2/PT10S"))
                .settings("reviewSchedule", Map.of("cron", "0 0 8 ? * MON")), local(SUNDAY_NOON));
    }

    @BeforeEach
    void theReviewIsOpenedAsOrderflowDoes() {
        beans.at("open-review", step -> step.execution().setVariable("reviewId", 9L));
    }

    @Test
    void theTimerStartsTheReviewOnMondayMorningAndIsSetForTheWeekAfter() {
        Job timer = startTimer();
        assertThat(timer.getDuedate()).isEqualTo(local(SUNDAY_NOON.plusHours(20)));

        ClockUtil.setCurrentTime(timer.getDuedate());
        management.executeJob(timer.getId());

        ProcessInstance instance = onlyInstance();
        assertThat(instance).hasPassedInOrder("review-due", "open-review").isWaitingAt("scan-closed-orders");
        assertThat(startTimer().getDuedate()).isEqualTo(local(SUNDAY_NOON.plusHours(20).plusDays(7)));
    }

    @Test
    void findingsGoToSalesManagersWhoseDecisionIsRecordedAndSentToTheOwners() {
        findings(2);
        ProcessInstance instance = startedAndScanned();

        assertThat(instance).hasPassed("email-review-report", "findings-exist").isWaitingAt("review-findings");
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task).hasCandidateGroup("sales-managers");
        assertThat(task.getName()).isEqualTo("审查问题 Review findings of review 9");
        assertThat(beans.callsAt("record-outcomes")).isEmpty();

        tasks.complete(task.getId(), Map.of("outcomes", "[]"));

        assertThat(instance).hasPassed("outcome-join", "record-outcomes").isWaitingAt("notify-owners");
        runJob(instance, "notify-owners");
        assertThat(instance).hasPassed("review-done").isEnded();
    }

    @Test
    void aReviewWithoutFindingsNeedsNoTaskAndEnds() {
        findings(0);
        ProcessInstance instance = startedAndScanned();

        assertThat(instance).hasPassed("findings-exist", "outcome-join", "record-outcomes")
                .isWaitingAt("notify-owners");
        runJob(instance, "notify-owners");
        assertThat(instance).hasPassedInOrder("open-review", "scan-closed-orders", "email-review-report",
                "record-outcomes", "notify-owners", "review-done").isEnded();
        assertThat(instance).hasNotPassed("review-findings");
    }

    @Test
    void aScanThatKeepsFailingIsAnIncidentAndNoReportIsSent() {
        beans.failAt("scan-closed-orders", new IllegalStateException("connection reset"));
        ProcessInstance instance = started();

        for (int attempt = 1; attempt <= 2; attempt++) {
            Job job = job(instance, "scan-closed-orders");
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasStackTraceContaining("connection reset");
        }

        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("scan-closed-orders");
        assertThat(instance).isWaitingAt("scan-closed-orders").hasNotPassed("email-review-report");
    }

    private void findings(int count) {
        beans.at("scan-closed-orders", step -> {
            step.execution().setVariable("findingCount", count);
            step.execution().setVariable("findingSummary", count + " finding(s)");
        });
    }

    private ProcessInstance started() {
        Job timer = startTimer();
        ClockUtil.setCurrentTime(timer.getDuedate());
        management.executeJob(timer.getId());
        return onlyInstance();
    }

    private ProcessInstance startedAndScanned() {
        ProcessInstance instance = started();
        runJob(instance, "scan-closed-orders");
        runJob(instance, "email-review-report");
        return instance;
    }

    private Job startTimer() {
        List<Job> timers = management.createJobQuery().processDefinitionKey(PROCESS).timers().list().stream()
                .filter(job -> job.getProcessInstanceId() == null).toList();
        assertThat(timers).hasSize(1);
        return timers.get(0);
    }

    private ProcessInstance onlyInstance() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).singleResult();
    }

    private Job job(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    private void runJob(ProcessInstance instance, String activityId) {
        management.executeJob(job(instance, activityId).getId());
    }

    private static Date local(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }
}
