package com.orderflow.modification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.orderflow.support.ClassDeployment;
import com.orderflow.support.DiagramBeans;
import com.orderflow.support.DiagramTestCase;
import com.orderflow.support.FlowCoverage;
import com.orderflow.support.InstanceJobs;
import com.orderflow.support.ProcessTestEngine;

/**
 * order-modification.bpmn with the real modification-approval DMN, every bean stood in for
 * ({@link ModificationStandIns}): auto-approval, parallel approval by the groups the rules pick, rejection
 * then resubmission or withdrawal, the reminder and escalation timers on the engine clock, a conflict
 * when applying, and steps that keep failing (incidents).
 */
class OrderModificationProcessTest extends DiagramTestCase {

    static final String DIAGRAM = "processes/order-modification.bpmn";
    private static final Instant FILED = Instant.parse("2027-03-01T09:00:00Z");

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();
    @RegisterExtension
    static final ClassDeployment DEPLOYMENT = ClassDeployment.of(DIAGRAM, "processes/modification-approval.dmn",
            "processes/forms/approve-modification.form", "processes/forms/revise-request.form");
    @RegisterExtension
    static final FlowCoverage COVERAGE = FlowCoverage.of(DIAGRAM);

    private final ModificationStandIns steps = new ModificationStandIns(beans);
    private final InstanceJobs jobs = new InstanceJobs(engine);

    OrderModificationProcessTest() {
        super(DiagramBeans.of(DIAGRAM)
                .settings("retryPolicy", Map.of("mail", "R3/PT5M", "work", "R2/PT10S"))
                .settings("approvalTimers", Map.of("remindAfter", "PT24H", "escalateAfter", "P3D")), Date.from(FILED));
    }

    @Test
    void aChangeNoRuleCoversIsAppliedWithoutApprovalThenReportedAndMailed() {
        ProcessInstance instance = startAndDecide();

        assertThat(instance).hasPassedInOrder("prepare-round", "decide-approvers", "record-required-approvals",
                "approval-needed", "approved-join", "mark-approved").isWaitingAt("apply-modification");
        assertThat(instance).hasNotPassed("notify-approvers", "approve-modification");
        applyReportAndMail(instance);
        assertThat(instance).hasPassedInOrder("apply-modification", "conflict-check", "write-report",
                "notify-applied", "modification-applied").isEnded();
    }

    @Test
    void theGroupsTheRulesPickApproveInParallelThenTheChangeIsApplied() {
        steps.needingThreeGroups();
        ProcessInstance instance = startAndDecide();

        assertThat(instance).hasPassed("notify-approvers").isWaitingAt("approve-modification");
        assertThat(beans.callsAt("notify-approvers")).hasSize(1);
        List<Task> approvals = approvals(instance);
        assertThat(approvals).extracting(this::candidateGroup)
                .containsExactlyInAnyOrder("sales-managers", "finance", "legal");
        assertThat(approvals).extracting(Task::getName)
                .contains("审批结单修改 Approve modification SO-2027-000042 (finance)");
        approvals.forEach(task -> tasks.complete(task.getId(), Map.of("approved", true, "comment", "ok")));

        assertThat(instance).hasPassed("any-rejected", "approved-join", "mark-approved")
                .isWaitingAt("apply-modification");
        applyReportAndMail(instance);
        assertThat(instance).hasPassed("modification-applied").hasNotPassed("notify-rejection").isEnded();
    }

    @Test
    void oneRejectionEndsTheRoundAndTheRequesterResubmitsAChangeThatNeedsNoApproval() {
        steps.needingThreeGroups();
        ProcessInstance instance = startAndDecide();
        Task finance = approvals(instance).stream().filter(task -> "finance".equals(candidateGroup(task)))
                .findFirst().orElseThrow();

        tasks.complete(finance.getId(), Map.of("approved", false, "comment", "Too much"));

        assertThat(approvals(instance)).isEmpty();
        assertThat(instance).hasPassed("any-rejected").isWaitingAt("notify-rejection").hasNotPassed("mark-approved");
        jobs.run(instance, "notify-rejection");
        Task revise = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(revise).hasDefinitionKey("revise-request").isAssignedTo("sales1");

        steps.needingNoApproval();
        tasks.complete(revise.getId(), Map.of("resubmit", true));

        assertThat(beans.callsAt("prepare-round")).hasSize(2);
        assertThat(instance).hasPassed("resubmit-after-rejection", "mark-approved").isWaitingAt("apply-modification");
    }

    @Test
    void aRejectedRequestTheRequesterWithdrawsEndsWithdrawn() {
        steps.needingThreeGroups();
        ProcessInstance instance = startAndDecide();
        tasks.complete(approvals(instance).get(0).getId(), Map.of("approved", false, "comment", "No"));
        jobs.run(instance, "notify-rejection");

        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
                Map.of("resubmit", false));

        assertThat(instance).hasPassedInOrder("revise-request", "resubmit-after-rejection", "withdraw-after-rejection",
                "withdrawn-after-rejection").isEnded();
        assertThat(instance).hasNotPassed("mark-approved", "apply-modification");
    }

    @Test
    void theReminderTimerEmailsApproversOnceAndLeavesTheirTasks() {
        steps.needingThreeGroups();
        ProcessInstance instance = startAndDecide();
        Job reminder = jobs.at(instance, "remind-approvers-timer");
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(FILED.plus(Duration.ofHours(24))));

        ClockUtil.setCurrentTime(reminder.getDuedate());
        management.executeJob(reminder.getId());

        assertThat(instance).hasPassed("remind-approvers", "approvers-reminded").isWaitingAt("approve-modification");
        assertThat(approvals(instance)).hasSize(3);
        assertThat(jobs.at(instance, "remind-approvers-timer")).isNull();
        assertThat(jobs.at(instance, "escalate-timer")).isNotNull();
    }

    @Test
    void theEscalationTimerTakesTheApprovalFromTheGroupsToSalesManagersWhoApprove() {
        steps.needingThreeGroups();
        ProcessInstance instance = startAndDecide();
        Job escalation = jobs.at(instance, "escalate-timer");
        assertThat(escalation.getDuedate()).isEqualTo(Date.from(FILED.plus(Duration.ofDays(3))));

        ClockUtil.setCurrentTime(escalation.getDuedate());
        management.executeJob(escalation.getId());

        assertThat(approvals(instance)).isEmpty();
        assertThat(instance).isWaitingAt("notify-escalation");
        jobs.run(instance, "notify-escalation");
        Task escalated = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(escalated).hasDefinitionKey("escalated-approval").hasCandidateGroup("sales-managers")
                .hasCandidateGroup("camunda-admin");

        tasks.complete(escalated.getId(), Map.of("approved", true, "comment", "Escalated: ok"));

        assertThat(beans.callsAt("escalated-approval")).isNotEmpty();
        assertThat(instance).hasPassed("any-rejected", "mark-approved").isWaitingAt("apply-modification");
    }

    @Test
    void aConflictWhenApplyingGoesToTheRequesterWhoResubmitsOnTheNewOrder() {
        steps.conflicting(true);
        ProcessInstance instance = startAndDecide();
        jobs.run(instance, "apply-modification");

        assertThat(instance).hasPassed("conflict-check").isWaitingAt("notify-conflict").hasNotPassed("write-report");
        jobs.run(instance, "notify-conflict");
        Task resolve = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(resolve).hasDefinitionKey("resolve-conflict").isAssignedTo("sales1");

        steps.conflicting(false);
        tasks.complete(resolve.getId(), Map.of("resubmit", true));

        assertThat(beans.callsAt("prepare-round")).hasSize(2);
        assertThat(instance).hasPassed("resubmit-after-conflict").isWaitingAt("apply-modification");
        applyReportAndMail(instance);
        assertThat(instance).hasPassed("modification-applied").isEnded();
    }

    @Test
    void aConflictTheRequesterGivesUpOnEndsWithdrawn() {
        steps.conflicting(true);
        ProcessInstance instance = startAndDecide();
        jobs.run(instance, "apply-modification");
        jobs.run(instance, "notify-conflict");

        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
                Map.of("resubmit", false));

        assertThat(instance).hasPassedInOrder("resolve-conflict", "resubmit-after-conflict", "withdraw-after-conflict",
                "withdrawn-after-conflict").isEnded();
        assertThat(instance).hasNotPassed("write-report");
    }

    @Test
    void aStartThatKeepsFailingIsAnIncidentAtTheStartAndNothingIsDecided() {
        beans.failAt("prepare-round", new IllegalStateException("request 5 not found"));
        ProcessInstance instance = start();

        jobs.failUntilIncident(instance, "modification-requested", 2, "request 5 not found");

        assertThat(instance).hasNotPassed("decide-approvers");
    }

    @Test
    void anApplyThatKeepsFailingIsAnIncidentAndNothingIsReportedOrMailed() {
        beans.failAt("apply-modification", new IllegalStateException("database is read-only"));
        ProcessInstance instance = startAndDecide();

        jobs.failUntilIncident(instance, "apply-modification", 2, "database is read-only");

        assertThat(instance).hasPassed("mark-approved").hasNotPassed("write-report", "notify-applied");
    }

    @Test
    void aRequestWithdrawnInApprovalEndsWithItsTasksAndTimers() {
        steps.needingThreeGroups();
        ProcessInstance instance = startAndDecide();

        // What withdrawing does while approvals are open: the instance is deleted, no step runs.
        runtime.deleteProcessInstance(instance.getId(), "Withdrawn by sales1");

        assertThat(instance).isEnded().hasNotPassed("withdraw-after-rejection", "mark-approved");
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    private ProcessInstance start() {
        return runtime.startProcessInstanceByKey("order-modification", "SO-2027-000042", Map.of("requestId", 5L,
                "orderId", 42L, "orderNumber", "SO-2027-000042", "requester", "sales1"));
    }

    /** Filing answers at once; deciding the approvers is the start's job. */
    private ProcessInstance startAndDecide() {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("modification-requested");
        jobs.run(instance, "modification-requested");
        return instance;
    }

    private void applyReportAndMail(ProcessInstance instance) {
        jobs.run(instance, "apply-modification");
        jobs.run(instance, "write-report");
        jobs.run(instance, "notify-applied");
    }

    private List<Task> approvals(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("approve-modification")
                .list();
    }

    private String candidateGroup(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(group -> group != null).findFirst().orElse(null);
    }

}
