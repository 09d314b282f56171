package com.orderflow.closing;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.orderflow.audit.AuditTrail;
import com.orderflow.process.ProcessVariables;

/** Runs the closing checks; sets {@code checksPassed} and, for the owner's form, {@code failedChecks}. */
@Component("runClosingChecksDelegate")
class RunClosingChecksDelegate implements JavaDelegate {

    private final ClosingChecks checks;
    private final AuditTrail audit;

    RunClosingChecksDelegate(ClosingChecks checks, AuditTrail audit) {
        this.checks = checks;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long orderId = (Long) execution.getVariable(ProcessVariables.ORDER_ID);
        List<String> failed = checks.failures(orderId);
        execution.setVariable(ProcessVariables.CHECKS_PASSED, failed.isEmpty());
        execution.setVariable(ProcessVariables.FAILED_CHECKS, String.join("\n", failed));
        if (!failed.isEmpty()) {
            audit.record(orderId, (String) execution.getVariable(ProcessVariables.REQUESTER),
                    "ORDER_CLOSING_CHECKS_FAILED", String.join("; ", failed), null, null);
        }
    }
}
