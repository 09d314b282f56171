package com.orderflow.lifecycle;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.orderflow.shared.AuditEntry;

/** Runs the closing checks; sets {@code checksPassed} and, for the owner's form, {@code failedChecks}. */
@Component("runClosingChecksDelegate")
class RunClosingChecksDelegate implements JavaDelegate {

    private final LifecycleInstances instances;
    private final ClosingChecks checks;
    private final ApplicationEventPublisher events;

    RunClosingChecksDelegate(LifecycleInstances instances, ClosingChecks checks, ApplicationEventPublisher events) {
        this.instances = instances;
        this.checks = checks;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LifecycleRequest request = instances.of(execution);
        List<String> failed = checks.failures(request.getOrderId());
        execution.setVariable(LifecycleProcess.CHECKS_PASSED, failed.isEmpty());
        execution.setVariable(LifecycleProcess.FAILED_CHECKS, String.join("\n", failed));
        if (!failed.isEmpty()) {
            events.publishEvent(new AuditEntry(request.getOrderId(), request.getRequester(),
                    "ORDER_CLOSING_CHECKS_FAILED", String.join("; ", failed), null, null));
        }
    }
}
