package com.orderflow.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The jobs of one process instance by activity id, run by the test itself (the job executor is off). */
public final class InstanceJobs {

    private final ManagementService management;
    private final RuntimeService runtime;

    public InstanceJobs(ProcessEngine engine) {
        this.management = engine.getManagementService();
        this.runtime = engine.getRuntimeService();
    }

    /** The job waiting at this activity (an asynchronous step, or a timer's boundary event), or null. */
    public Job at(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    }

    public void run(ProcessInstance instance, String activityId) {
        Job job = at(instance, activityId);
        assertThat(job).as("a job at %s", activityId).isNotNull();
        management.executeJob(job.getId());
    }

    /** Runs the failing job at this activity as often as its retry cycle allows; answers the incident. */
    public Incident failUntilIncident(ProcessInstance instance, String activityId, int attempts, String message) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            assertThatThrownBy(() -> run(instance, activityId)).hasStackTraceContaining(message);
        }
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident).as("an incident after %d attempts", attempts).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo(activityId);
        assertThat(incident.getIncidentMessage()).contains(message);
        return incident;
    }
}
