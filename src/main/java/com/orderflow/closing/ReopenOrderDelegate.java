package com.orderflow.closing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.orderflow.order.OrderLifecycle;
import com.orderflow.process.ProcessVariables;

/** Reopens the approved order as the requester (a new revision); it is editable again. */
@Component("reopenOrderDelegate")
class ReopenOrderDelegate implements JavaDelegate {

    private final OrderLifecycle lifecycle;

    ReopenOrderDelegate(OrderLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.reopen((Long) execution.getVariable(ProcessVariables.ORDER_ID),
                (String) execution.getVariable(ProcessVariables.REQUESTER));
    }
}
