package com.orderflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * deliver-webhook.bpmn alone: delivered at once; a subscriber that is down is retried on the delivery
 * cycle until an incident; one that refuses the event (the BPMN error) is tried again on the shorter
 * cycle, delivered late or left as an incident.
 */
class DeliverWebhookProcessTest extends DiagramTestCase {

    static final String DIAGRAM = "processes/deliver-webhook.bpmn";
    private static final Instant RECORDED = Instant.parse("2027-03-01T09:00:00Z");

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();
    @RegisterExtension
    static final ClassDeployment DEPLOYMENT = ClassDeployment.of(DIAGRAM);
    @RegisterExtension
    static final FlowCoverage COVERAGE = FlowCoverage.of(DIAGRAM);

    DeliverWebhookProcessTest() {
        super(DiagramBeans.of(DIAGRAM)
                .settings("webhookRetries", Map.of("delivery", "PT10S,PT30S", "refused", "R2/PT5M")), Date.from(RECORDED));
    }

    @Test
    void anEventTheSubscriberTakesIsDelivered() {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("send");

        runJob(instance);

        assertThat(instance).hasPassedInOrder("event-recorded", "send", "event-delivered").isEnded();
        assertThat(instance).hasNotPassed("refused", "resend");
    }

    @Test
    void aSubscriberThatStaysDownIsRetriedWithBackoffThenLeftAsAnIncident() {
        ProcessInstance instance = start();
        beans.failAt("send", new IllegalStateException("503 Service Unavailable"));

        assertThatThrownBy(() -> runJob(instance)).hasStackTraceContaining("503");
        assertThat(job(instance).getDuedate()).isEqualTo(Date.from(RECORDED.plus(Duration.ofSeconds(10))));
        ClockUtil.setCurrentTime(job(instance).getDuedate());
        assertThatThrownBy(() -> runJob(instance)).hasStackTraceContaining("503");
        assertThat(job(instance).getDuedate()).isEqualTo(Date.from(RECORDED.plus(Duration.ofSeconds(40))));
        runUntilIncident(instance, "503");

        assertThat(incident(instance).getActivityId()).isEqualTo("send");
        assertThat(instance).isWaitingAt("send").hasNotPassed("resend");
    }

    @Test
    void anEventTheSubscriberRefusedIsSentAgainAndDeliveredLate() {
        ProcessInstance instance = start();
        beans.failAt("send", new BpmnError("webhook-refused", "422 Unprocessable Entity"));

        runJob(instance);

        assertThat(instance).hasPassed("refused").isWaitingAt("resend");
        runJob(instance);
        assertThat(instance).hasPassedInOrder("send", "refused", "resend", "event-delivered-late").isEnded();
        assertThat(instance).hasNotPassed("event-delivered");
    }

    @Test
    void anEventRefusedAgainAndAgainIsLeftAsAnIncidentAtTheResend() {
        ProcessInstance instance = start();
        beans.failAt("send", new BpmnError("webhook-refused", "422 Unprocessable Entity"))
                .failAt("resend", new IllegalStateException("still 422"));
        runJob(instance);

        assertThatThrownBy(() -> runJob(instance)).hasStackTraceContaining("still 422");
        // R2/PT5M: five minutes later, two attempts in all.
        assertThat(job(instance).getDuedate()).isEqualTo(Date.from(RECORDED.plus(Duration.ofMinutes(5))));
        runUntilIncident(instance, "still 422");

        assertThat(incident(instance).getActivityId()).isEqualTo("resend");
        assertThat(instance).isWaitingAt("resend").hasNotPassed("event-delivered-late");
    }

    private void runUntilIncident(ProcessInstance instance, String failure) {
        while (incident(instance) == null) {
            assertThat(job(instance).getRetries()).isPositive();
            assertThatThrownBy(() -> runJob(instance)).hasStackTraceContaining(failure);
        }
        assertThat(job(instance).getRetries()).isZero();
    }

    private ProcessInstance start() {
        return runtime.startProcessInstanceByKey("deliver-webhook", "SO-2027-000042",
                Map.of("subscriberId", 3L, "eventType", "orderflow.order.closed"));
    }

    private Incident incident(ProcessInstance instance) {
        return runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    }

    private Job job(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void runJob(ProcessInstance instance) {
        management.executeJob(job(instance).getId());
    }
}
