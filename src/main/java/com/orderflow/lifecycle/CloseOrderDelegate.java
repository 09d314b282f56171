package com.orderflow.lifecycle;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.orderflow.order.OrderLifecycle;
import com.orderflow.order.OrderStateException;
import com.orderflow.order.OrderStatus;
import com.orderflow.order.SalesOrderRepository;

/**
 * Closes and locks the order as the requester (a new revision); keeps that revision for the report.
 * The checks run again right here: whatever led to this step (an admin's modification in Cockpit
 * included), an order that fails them is not closed.
 */
@Component("closeOrderDelegate")
class CloseOrderDelegate implements JavaDelegate {

    private final LifecycleInstances instances;
    private final ClosingChecks checks;
    private final OrderLifecycle lifecycle;
    private final SalesOrderRepository orders;

    CloseOrderDelegate(LifecycleInstances instances, ClosingChecks checks, OrderLifecycle lifecycle,
            SalesOrderRepository orders) {
        this.instances = instances;
        this.checks = checks;
        this.lifecycle = lifecycle;
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LifecycleRequest request = instances.of(execution);
        Long orderId = request.getOrderId();
        boolean closedAlready = orders.findById(orderId).map(o -> o.getStatus() == OrderStatus.CLOSED).orElse(false);
        if (!closedAlready) {
            List<String> failed = checks.failures(orderId);
            if (!failed.isEmpty()) {
                throw new OrderStateException("Order " + orderId + " is not closed, its closing checks fail: "
                        + String.join("; ", failed));
            }
            lifecycle.close(orderId, request.getRequester());
        }
        execution.setVariable(LifecycleProcess.CLOSED_REVISION, orders.findById(orderId).orElseThrow().getRevision());
    }
}
