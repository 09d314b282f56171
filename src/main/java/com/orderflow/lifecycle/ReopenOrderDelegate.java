package com.orderflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.orderflow.order.OrderLifecycle;
import com.orderflow.order.OrderStateException;

/**
 * Reopens the order as the requester (a new revision); it is editable again. Only with an admin's
 * recorded approval, whatever led to this step (an admin's modification in Cockpit included).
 */
@Component("reopenOrderDelegate")
class ReopenOrderDelegate implements JavaDelegate {

    private final LifecycleInstances instances;
    private final OrderLifecycle lifecycle;

    ReopenOrderDelegate(LifecycleInstances instances, OrderLifecycle lifecycle) {
        this.instances = instances;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LifecycleRequest request = instances.of(execution);
        if (!request.isApproved()) {
            throw new OrderStateException("Order " + request.getOrderId() + " is not reopened: no admin other than "
                    + request.getRequester() + " has approved reopening it");
        }
        lifecycle.reopen(request.getOrderId(), request.getRequester());
    }
}
