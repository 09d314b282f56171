package com.orderflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.process.MailQueue;
import com.orderflow.process.OrderflowMail;
import com.orderflow.process.ProcessMails;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * invoice-settlement.bpmn alone, its beans mocked, on a standalone engine over an embedded PostgreSQL
 * (the one database orderflow runs on). The job executor is off: the test runs each job itself, so the
 * thread-bound mocks are the ones the steps see.
 */
@Deployment(resources = { "processes/invoice-settlement.bpmn", "processes/forms/settle-invoices.form" })
class InvoiceSettlementProcessTest {

    private static final String PROCESS = "invoice-settlement";
    private static final String TASK = "settle-invoices";
    private static final Instant OPENED = Instant.parse("2027-01-04T09:00:00Z");
    private static final Duration REMIND_AFTER = Duration.ofDays(2);
    private static final Duration ESCALATE_AFTER = Duration.ofDays(5);

    private static final EmbeddedPostgres POSTGRES = startPostgres();

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .useProcessEngine(buildEngine()).build();

    private final MailQueue mailQueue = mock(MailQueue.class);
    private final ProcessMails settlementMails = mock(ProcessMails.class);
    private final TaskListener settleInvoicesTaskListener = mock(TaskListener.class);

    // Injected by the extension.
    private ProcessEngine engine;
    private RuntimeService runtime;
    private TaskService tasks;
    private ManagementService management;

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    private static ProcessEngine buildEngine() {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("invoice-settlement-test");
        configuration.setJdbcUrl(POSTGRES.getJdbcUrl("postgres", "postgres"));
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcUsername("postgres");
        configuration.setJdbcPassword("");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setExpressionManager(new MockExpressionManager());
        // Nothing in a unit test should report usage or collect metrics in the background.
        configuration.setDbMetricsReporterActivate(false);
        configuration.setMetricsEnabled(false);
        return configuration.buildProcessEngine();
    }

    @AfterAll
    static void stopEngineAndDatabase() throws IOException {
        ENGINE.getProcessEngine().close();
        POSTGRES.close();
    }

    @BeforeEach
    void registerBeans() {
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(OPENED));
        // The real email step over mocked families and queue: the diagram's steps are dispatched as in the app.
        when(settlementMails.templates()).thenReturn(Set.of("settlement-needed", "settlement-reminder",
                "settlement-escalated", "invoices-settled"));
        Mocks.register("orderflowMail", new OrderflowMail(Map.of("settlementMails", settlementMails), mailQueue));
        clearInvocations(settlementMails);
        Mocks.register("settleInvoicesTaskListener", settleInvoicesTaskListener);
        Mocks.register("settlementTimers", new SettlementTimersStub("P2D", "P5D"));
        Mocks.register("retryPolicy", new RetryPolicyStub("R3/PT5M", "R3/PT10S"));
    }

    @AfterEach
    void forgetBeans() {
        Mocks.reset();
        BpmnAwareTests.reset();
        ClockUtil.reset();
    }

    @Test
    void startsAsynchronouslyThenEmailsFinanceAndGivesThemTheTaskWithItsForm() throws IOException {
        ProcessInstance instance = start();

        // Nothing runs in the starter's transaction, so orderflow has stored the link before any step.
        assertThat(instance).isWaitingAt("settlement-opened");
        verifyNoInteractions(mailQueue);

        runStartJob(instance);

        verify(mailQueue).sendOrQueue(any(DelegateExecution.class), eq("settlementMails"), eq("settlement-needed"));
        assertThat(instance).isWaitingAt(TASK);
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
        verifyNoInteractions(settleInvoicesTaskListener, settlementMails);
    }

    @Test
    void completingTheTaskRunsTheListenerThenEmailsTheDocumentsAndEnds() {
        ProcessInstance instance = startAndRunToTheTask();
        Map<String, Object> seenByListener = new HashMap<>();
        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            seenByListener.put("event", task.getEventName());
            seenByListener.putAll(task.getVariables());
            return null;
        }).when(settleInvoicesTaskListener).notify(any(DelegateTask.class));

        tasks.complete(settleTask(instance).getId(), Map.of("settlementAction", "CREDIT_NOTE",
                "settlementAmount", "1200.00", "settlementNote", "Two units returned"));

        assertThat(seenByListener).containsEntry("event", TaskListener.EVENTNAME_COMPLETE)
                .containsEntry("settlementAction", "CREDIT_NOTE").containsEntry("settlementAmount", "1200.00")
                .containsEntry("settlementNote", "Two units returned").containsEntry("settlementId", 41L);
        // The email is a job of its own, after the documents were committed with the task.
        assertThat(instance).isWaitingAt("notify-settled");
        verify(settlementMails, never()).send(any(DelegateExecution.class), anyString());

        management.executeJob(onlyJob(instance).getId());

        verify(settlementMails).send(any(DelegateExecution.class), eq("invoices-settled"));
        assertThat(instance).hasPassedInOrder("settlement-opened", "notify-finance", TASK, "notify-settled",
                "invoices-settled").isEnded();
        assertThat(instance).hasNotPassed("remind-finance", "escalate-settlement");
    }

    @Test
    void completingWithoutChangesHandsTheListenerThePrefilledProposal() {
        ProcessInstance instance = startAndRunToTheTask();
        Map<String, Object> seenByListener = new HashMap<>();
        doAnswer(call -> {
            seenByListener.putAll(((DelegateTask) call.getArgument(0)).getVariables());
            return null;
        }).when(settleInvoicesTaskListener).notify(any(DelegateTask.class));

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

        verify(mailQueue).queue(any(DelegateExecution.class), eq("settlementMails"), eq("settlement-reminder"));
        verify(mailQueue, never()).queue(any(DelegateExecution.class), anyString(), eq("settlement-escalated"));
        assertThat(instance).hasPassed("remind-finance", "finance-reminded").isWaitingAt(TASK);
        assertThat(settleTask(instance)).hasCandidateGroup("finance");
        // It fires once; the escalation is still to come.
        assertThat(timers(instance)).extracting(Job::getId).doesNotContain(reminder.getId());
        assertThat(timer(instance, "escalate-settlement-timer")).isNotNull();
        verifyNoInteractions(settleInvoicesTaskListener, settlementMails);
    }

    @Test
    void theEscalationTimerQueuesAnEscalationAndLeavesTheTaskWithFinance() {
        ProcessInstance instance = startAndRunToTheTask();
        Job escalation = timer(instance, "escalate-settlement-timer");
        assertThat(escalation.getDuedate()).isEqualTo(Date.from(OPENED.plus(ESCALATE_AFTER)));

        ClockUtil.setCurrentTime(Date.from(OPENED.plus(ESCALATE_AFTER).plusSeconds(60)));
        management.executeJob(escalation.getId());

        verify(mailQueue).queue(any(DelegateExecution.class), eq("settlementMails"), eq("settlement-escalated"));
        assertThat(instance).hasPassed("escalate-settlement", "settlement-escalated").isWaitingAt(TASK);
        assertThat(settleTask(instance)).hasCandidateGroup("finance");
        assertThat(timers(instance)).extracting(Job::getId).doesNotContain(escalation.getId());
        verifyNoInteractions(settleInvoicesTaskListener, settlementMails);
    }

    @Test
    void aListenerThatRefusesTheDocumentsKeepsTheTaskAndNothingAfterItRuns() {
        ProcessInstance instance = startAndRunToTheTask();
        String taskId = settleTask(instance).getId();
        doThrow(new IllegalStateException("the documents do not add up to the difference"))
                .when(settleInvoicesTaskListener).notify(any(DelegateTask.class));

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
        verifyNoInteractions(settlementMails);
    }

    @Test
    void anEmailThatFailsAfterSettlingIsRetriedByTheMailPolicyWithoutUndoingTheSettlement() {
        ProcessInstance instance = startAndRunToTheTask();
        tasks.complete(settleTask(instance).getId());
        doThrow(new IllegalStateException("mail server down"))
                .when(settlementMails).send(any(DelegateExecution.class), eq("invoices-settled"));
        Job mail = onlyJob(instance);

        assertThatThrownBy(() -> management.executeJob(mail.getId())).hasStackTraceContaining("mail server down");

        Job retried = management.createJobQuery().jobId(mail.getId()).singleResult();
        // R3/PT5M: three attempts in all, five minutes apart.
        assertThat(retried.getRetries()).isEqualTo(2);
        assertThat(retried.getDuedate()).isEqualTo(Date.from(OPENED.plus(Duration.ofMinutes(5))));
        assertThat(instance).hasPassed(TASK).isWaitingAt("notify-settled");
        verify(settleInvoicesTaskListener).notify(any(DelegateTask.class));
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

    /** What the lead's {@code settlementTimers} bean offers the diagram: ISO-8601 durations. */
    public static final class SettlementTimersStub {

        private final String remindAfter;
        private final String escalateAfter;

        SettlementTimersStub(String remindAfter, String escalateAfter) {
            this.remindAfter = remindAfter;
            this.escalateAfter = escalateAfter;
        }

        public String getRemindAfter() {
            return remindAfter;
        }

        public String getEscalateAfter() {
            return escalateAfter;
        }
    }

    /** Like orderflow's {@code retryPolicy}, with a short mail cycle that the retry test can see. */
    public static final class RetryPolicyStub {

        private final String mail;
        private final String work;

        RetryPolicyStub(String mail, String work) {
            this.mail = mail;
            this.work = work;
        }

        public String getMail() {
            return mail;
        }

        public String getWork() {
            return work;
        }
    }
}
