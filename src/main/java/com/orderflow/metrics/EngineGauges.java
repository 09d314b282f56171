package com.orderflow.metrics;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import com.orderflow.process.AsSystem;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What the engine holds now: open incidents, jobs due and waiting for the job executor, jobs out of retries.
 * Read as the system: a scrape comes in signed in as an admin or a monitoring user, and the engine would
 * otherwise count only what that user may read.
 */
@Component
class EngineGauges implements MeterBinder {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final IdentityService identity;

    EngineGauges(RuntimeService runtime, ManagementService management, IdentityService identity) {
        this.runtime = runtime;
        this.management = management;
        this.identity = identity;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "orderflow.incidents.open", "Open Camunda incidents",
                () -> runtime.createIncidentQuery().count());
        gauge(registry, "orderflow.jobs.due", "Jobs due and waiting for the job executor",
                () -> management.createJobQuery().executable().count());
        gauge(registry, "orderflow.jobs.failed", "Jobs out of retries (each has an incident)",
                () -> management.createJobQuery().noRetriesLeft().count());
    }

    private void gauge(MeterRegistry registry, String name, String description, Supplier<Long> count) {
        Gauge.builder(name, () -> AsSystem.call(identity, count)).description(description).strongReference(true)
                .register(registry);
    }
}
