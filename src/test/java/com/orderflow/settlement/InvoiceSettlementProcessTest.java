package com.orderflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.support.ClassDeployment;
import com.orderflow.support.DiagramBeans;
import com.orderflow.support.DiagramTestCase;
import com.orderflow.support.DiagramStep;
import com.orderflow.support.FlowCoverage;
import com.orderflow.support.ProcessTestEngine;

/**
 * invoice-settlement.bpmn alone, every bean it names stood in for ({@link DiagramBeans}), on the shared
 * process-test engine over an embedded PostgreSQL (the one database orderflow runs on). The job executor
 * is off: the test runs each job itself, so the thread-bound stand-ins are the ones the steps see.
 */
class InvoiceSettlementProcessTest extends DiagramTestCase {

    static final String DIAGRAM = "processes/invoice-settlement.bpmn";
    private static final String PROCESS = "invoice-settlement";
    private static final String TASK = "settle-invoices";
    private static final Instant OPENED = Instant.parse("2027-01-04T09:00:00Z");
    private static final Duration REMIND_AFTER = Duration.ofDays(2);
    private static final Duration ESCALATE_AFTER = Duration.ofDays(5);

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();
    @RegisterExtension
    static final ClassDeployment DEPLOYMENT = ClassDeployment.of(DIAGRAM, "processes/forms/settle-invoices.form");
    @RegisterExtension
    static final FlowCoverage COVERAGE = FlowCoverage.of(DIAGRAM);

    InvoiceSettlementProcessTest() {
        super(DiagramBeans.of(DIAGRAM)
                .settings("settlementTimers", Map.of("remindAfter", "P2D", "escalateAfter", "P5D"))
                .settings("retryPolicy", Map.of("mail", "R3/PT5M", "work", "R3/PT10S")), Date.from(OPENED));
    }

    @Test
    void startsAsynchronouslyThenEmailsFinanceAndGivesThemTheTaskWithItsForm() throws IOException {
        ProcessInstance instance = start();

        // Nothing runs in the starter's transaction, so orderflow has stored the link before any step.
        assertThat(instance).isWaitingAt("settlement-opened");
        assertThat(beans.calls()).isEmpty();

        runStartJob(instance);

        assertThat(beans.callsAt("notify-finance")).hasSize(1);
        assertThat(instance).hasPassedInOrder("settlement-opened", "notify-finance").isWaitingAt(TASK);
        Task task = settleTask(instance);
        assertThat(task).hasCandidateGroup("finance").isNotAssigned();
        assertThat(task.getName()).isEqualTo("结算发票 Settle invoices SO-2026-000123");
        assertThat(task.getCamundaFormRef().getKey()).isEqualTo("settle-invoices");
        assertThat(task.getCamundaFormRef().getBinding()).isEqualTo("latest");
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            JsonNode deployed = new ObjectMapper().readTree(new String(form.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(deployed.get("id").asText()).isEqualTo("settle-invoices");
            assertTheFormShowsTheFiguresAndEditsOnlyTheContractsFields(deployed);
        }
        assertThat(beans.callsAt(TASK)).isEmpty();
        assertThat(beans.callsAt("notify-settled")).isEmpty();
    }

    @Test
    void completingTheTaskRunsTheListenerThenEmailsTheDocumentsAndEnds() {
        ProcessInstance instance = startAndRunToTheTask();
        Map<String, Object> seenByListener = new HashMap<>();
        beans.at(TASK, step -> {
            seenByListener.put("event", step.event());
            seenByListener.putAll(step.task().getVariables());
        });

        tasks.complete(settleTask(instance).getId(), Map.of("settlementAction", "CREDIT_NOTE",
                "settlementAmount", "1200.00", "settlementNote", "Two units returned"));

        assertThat(seenByListener).containsEntry("event", TaskListener.EVENTNAME_COMPLETE)
                .containsEntry("settlementAction", "CREDIT_NOTE").containsEntry("settlementAmount", "1200.00")
                .containsEntry("settlementNote", "Two units returned").containsEntry("settlementId", 41L);
        // The email is a job of its own, after the documents were committed with the task.
        assertThat(instance).isWaitingAt("notify-settled");
        assertThat(beans.callsAt("notify-settled")).isEmpty();

        management.executeJob(onlyJob(instance).getId());

        assertThat(beans.callsAt("notify-settled")).hasSize(1);
        assertThat(instance).hasPassedInOrder("settlement-opened", "notify-finance", TASK, "notify-settled",
                "invoices-settled").isEnded();
        assertThat(instance).hasNotPassed("remind-finance", "escalate-settlement");
    }

    @Test
    void completingWithoutChangesHandsTheListenerThePrefilledProposal() {
        ProcessInstance instance = startAndRunToTheTask();
        Map<String, Object> seenByListener = new HashMap<>();
        beans.at(TASK, step -> seenByListener.putAll(step.task().getVariables()));

        tasks.complete(settleTask(instance).getId());

        assertThat(seenByListener).containsEntry("settlementAction", "SUPPLEMENTARY_INVOICE")
                .containsEntry("settlementAmount", "25000.00").doesNotContainKey("settlementNote");
    }

    @Test
    void theReminderTimerQueuesAReminderAndLeavesTheTaskWithFinance() {
        ProcessInstance instance = startAndRunToTheTask();
        Job reminder = timer(instance, "remind-finance-timer");
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(OPENED.plus(REMIND_AFTER)));

        ClockUtil.setCurrentTime(Date.from(OPENED.plus(REMIND_AFTER).plusSeconds(60)));
        management.executeJob(reminder.getId());

        assertThat(beans.callsAt("remind-finance")).hasSize(1);
        assertThat(beans.callsAt("escalate-settlement")).isEmpty();
        assertThat(instance).hasPassed("remind-finance", "finance-reminded").isWaitingAt(TASK);
        assertThat(settleTask(instance)).hasCandidateGroup("finance");
        // It fires once; the escalation is still to come.
        assertThat(timers(instance)).extracting(Job::getId).doesNotContain(reminder.getId());
        assertThat(timer(instance, "escalate-settlement-timer")).isNotNull();
        assertThat(beans.callsAt(TASK)).isEmpty();
        assertThat(beans.callsAt("notify-settled")).isEmpty();
    }

    @Test
    void theEscalationTimerQueuesAnEscalationAndLeavesTheTaskWithFinance() {
        ProcessInstance instance = startAndRunToTheTask();
        Job escalation = timer(instance, "escalate-settlement-timer");
        assertThat(escalation.getDuedate()).isEqualTo(Date.from(OPENED.plus(ESCALATE_AFTER)));

        ClockUtil.setCurrentTime(Date.from(OPENED.plus(ESCALATE_AFTER).plusSeconds(60)));
        management.executeJob(escalation.getId());

        assertThat(beans.callsAt("escalate-settlement")).hasSize(1);
        assertThat(beans.callsAt("remind-finance")).isEmpty();
        assertThat(instance).hasPassed("escalate-settlement", "settlement-escalated").isWaitingAt(TASK);
        assertThat(settleTask(instance)).hasCandidateGroup("finance");
        assertThat(timers(instance)).extracting(Job::getId).doesNotContain(escalation.getId());
        assertThat(beans.callsAt(TASK)).isEmpty();
        assertThat(beans.callsAt("notify-settled")).isEmpty();
    }

    @Test
    void aListenerThatRefusesTheDocumentsKeepsTheTaskAndNothingAfterItRuns() {
        ProcessInstance instance = startAndRunToTheTask();
        String taskId = settleTask(instance).getId();
        beans.failAt(TASK, new IllegalStateException("the documents do not add up to the difference"));

        assertThatThrownBy(() -> tasks.complete(taskId, Map.of("settlementAction", "CREDIT_NOTE",
                "settlementAmount", "999.00")))
                .hasStackTraceContaining("the documents do not add up to the difference");

        assertThat(instance).isWaitingAt(TASK).hasNotPassed(TASK, "notify-settled", "invoices-settled");
        assertThat(settleTask(instance).getId()).isEqualTo(taskId);
        // The submitted values went with the refused transaction: the proposal is still there to fix.
        assertThat(runtime.getVariables(instance.getId())).containsEntry("settlementAction", "SUPPLEMENTARY_INVOICE")
                .containsEntry("settlementAmount", "25000.00");
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId("notify-settled")
                .count()).isZero();
        assertThat(beans.callsAt("notify-settled")).isEmpty();
    }

    @Test
    void anEmailThatFailsAfterSettlingIsRetriedByTheMailPolicyWithoutUndoingTheSettlement() {
        ProcessInstance instance = startAndRunToTheTask();
        tasks.complete(settleTask(instance).getId());
        beans.failAt("notify-settled", new IllegalStateException("mail server down"));
        Job mail = onlyJob(instance);

        assertThatThrownBy(() -> management.executeJob(mail.getId())).hasStackTraceContaining("mail server down");

        Job retried = management.createJobQuery().jobId(mail.getId()).singleResult();
        // R3/PT5M: three attempts in all, five minutes apart.
        assertThat(retried.getRetries()).isEqualTo(2);
        assertThat(retried.getDuedate()).isEqualTo(Date.from(OPENED.plus(Duration.ofMinutes(5))));
        assertThat(instance).hasPassed(TASK).isWaitingAt("notify-settled");
        assertThat(beans.callsAt(TASK)).extracting(DiagramStep::event).containsExactly(TaskListener.EVENTNAME_COMPLETE);
    }

    /** The listener reads exactly these keys; the figures are display copies that finance must not edit. */
    private static void assertTheFormShowsTheFiguresAndEditsOnlyTheContractsFields(JsonNode form) {
        List<String> editable = new ArrayList<>();
        List<String> readOnly = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (JsonNode component : form.get("components")) {
            if (!component.has("key")) {
                continue;
            }
            String key = component.get("key").asText();
            (component.path("disabled").asBoolean(false) ? readOnly : editable).add(key);
            component.path("values").forEach(value -> actions.add(value.get("value").asText()));
        }
        assertThat(editable).containsExactly("settlementAction", "settlementAmount", "settlementNote");
        assertThat(readOnly).containsExactly("orderNumber", "currency", "oldTotal", "newTotal", "invoicedBalance",
                "difference", "proposal");
        assertThat(actions).containsExactly("SUPPLEMENTARY_INVOICE", "CREDIT_NOTE", "VOID_AND_REISSUE", "NONE");
    }

    private ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("settlementId", 41L);
        variables.put("orderId", 7L);
        variables.put("orderNumber", "SO-2026-000123");
        variables.put("currency", "CNY");
        variables.put("oldTotal", "100000.00");
        variables.put("newTotal", "125000.00");
        variables.put("invoicedBalance", "100000.00");
        variables.put("difference", "25000.00");
        variables.put("proposal", "补开发票 25000.00 CNY / Issue a supplementary invoice of 25000.00 CNY");
        variables.put("settlementAction", "SUPPLEMENTARY_INVOICE");
        variables.put("settlementAmount", "25000.00");
        return runtime.startProcessInstanceByKey(PROCESS, "SO-2026-000123", variables);
    }

    private ProcessInstance startAndRunToTheTask() {
        ProcessInstance instance = start();
        runStartJob(instance);
        assertThat(instance).isWaitingAt(TASK);
        return instance;
    }

    private void runStartJob(ProcessInstance instance) {
        management.executeJob(onlyJob(instance).getId());
    }

    private Job onlyJob(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).messages().singleResult();
    }

    private List<Job> timers(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().list();
    }

    private Job timer(ProcessInstance instance, String boundaryEvent) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(boundaryEvent)
                .singleResult();
    }

    private Task settleTask(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK)
                .initializeFormKeys().singleResult();
    }
}
