package com.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.orderflow.support.ClassDeployment;
import com.orderflow.support.DiagramBeans;
import com.orderflow.support.DiagramTestCase;
import com.orderflow.support.FlowCoverage;
import com.orderflow.support.ProcessTestEngine;

/**
 * send-email.bpmn alone: a queued email is sent as a job of its own, retried on the mail cycle while the
 * mail server is down, an incident when the retries run out, and sent when the incident is retried.
 */
class SendEmailProcessTest extends DiagramTestCase {

    static final String DIAGRAM = "processes/send-email.bpmn";
    private static final Instant QUEUED = Instant.parse("2027-03-01T09:00:00Z");

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();
    @RegisterExtension
    static final ClassDeployment DEPLOYMENT = ClassDeployment.of(DIAGRAM);
    @RegisterExtension
    static final FlowCoverage COVERAGE = FlowCoverage.of(DIAGRAM);

    SendEmailProcessTest() {
        super(DiagramBeans.of(DIAGRAM)
                .settings("retryPolicy", Map.of("mail", "R3/PT5M", "work", "R2/PT10S")), Date.from(QUEUED));
    }

    @Test
    void aQueuedEmailIsSentAsAJobOfItsOwn() {
        ProcessInstance instance = start();

        // Nothing is sent in the transaction that queued it.
        assertThat(instance).isWaitingAt("send");
        assertThat(beans.callsAt("send")).isEmpty();

        management.executeJob(job(instance).getId());

        assertThat(beans.callsAt("send")).hasSize(1);
        assertThat(instance).hasPassedInOrder("email-queued", "send", "email-sent").isEnded();
    }

    @Test
    void aMailServerThatStaysDownLeavesAnIncidentAndTheRetriedIncidentSendsTheEmail() {
        ProcessInstance instance = start();
        beans.failAt("send", new IllegalStateException("mail server down"));

        assertThatThrownBy(() -> runJob(instance)).hasStackTraceContaining("mail server down");
        // R3/PT5M: tried again five minutes later, three attempts in all.
        assertThat(job(instance).getRetries()).isEqualTo(2);
        assertThat(job(instance).getDuedate()).isEqualTo(Date.from(QUEUED.plus(Duration.ofMinutes(5))));
        for (int attempt = 2; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> runJob(instance)).hasStackTraceContaining("mail server down");
        }

        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("send");
        assertThat(incident.getIncidentMessage()).contains("mail server down");
        assertThat(instance).isWaitingAt("send");

        beans.workAt("send");
        management.setJobRetries(job(instance).getId(), 1);
        management.executeJob(job(instance).getId());

        assertThat(instance).hasPassed("email-sent").isEnded();
        assertThat(beans.callsAt("send")).hasSize(4);
    }

    private ProcessInstance start() {
        return runtime.startProcessInstanceByKey("send-email", "SO-2027-000042",
                Map.of("mails", "modificationMails", "template", "modification-reminder"));
    }

    private void runJob(ProcessInstance instance) {
        management.executeJob(job(instance).getId());
    }

    private Job job(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }
}
