package com.orderflow.lifecycle;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.orderflow.process.ActingUser;
import com.orderflow.shared.AuditEntry;

/**
 * The owner's decision in fix-before-closing: {@code retry} must be true (run the checks again) or
 * false (cancel the close; the order stays as it is). Either way the audit trail records it.
 */
@Component("fixBeforeClosingTaskListener")
class FixBeforeClosingTaskListener implements TaskListener {

    private final ApplicationEventPublisher events;
    private final IdentityService identity;
    private final LifecycleInstances instances;

    FixBeforeClosingTaskListener(ApplicationEventPublisher events, IdentityService identity,
            LifecycleInstances instances) {
        this.events = events;
        this.identity = identity;
        this.instances = instances;
    }

    @Override
    public void notify(DelegateTask task) {
        Object retry = task.getVariable(LifecycleProcess.RETRY);
        if (!(retry instanceof Boolean again)) {
            throw new FormFieldValidationException(LifecycleProcess.RETRY,
                    "Decide: set retry to true (check again) or false (cancel the close)");
        }
        String user = ActingUser.of(task, identity).userId();
        events.publishEvent(new AuditEntry(instances.of(task.getProcessInstanceId()).getOrderId(), user,
                again ? "ORDER_CLOSING_RETRIED" : "ORDER_CLOSE_CANCELLED",
                again ? "closing checks run again" : "close cancelled, the order stays as it was", null, null));
    }
}
