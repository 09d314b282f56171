package com.orderflow.closing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.orderflow.order.OrderLifecycle;
import com.orderflow.order.SalesOrderRepository;
import com.orderflow.process.ProcessVariables;

/** Closes and locks the order as the requester (a new revision); keeps that revision for the report. */
@Component("closeOrderDelegate")
class CloseOrderDelegate implements JavaDelegate {

    private final OrderLifecycle lifecycle;
    private final SalesOrderRepository orders;

    CloseOrderDelegate(OrderLifecycle lifecycle, SalesOrderRepository orders) {
        this.lifecycle = lifecycle;
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long orderId = (Long) execution.getVariable(ProcessVariables.ORDER_ID);
        lifecycle.close(orderId, (String) execution.getVariable(ProcessVariables.REQUESTER));
        execution.setVariable(ProcessVariables.CLOSED_REVISION, orders.findById(orderId).orElseThrow().getRevision());
    }
}
