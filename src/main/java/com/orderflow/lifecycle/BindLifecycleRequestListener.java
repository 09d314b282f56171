package com.orderflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The start event's listener of order-closing and order-reopening: binds the instance to the request
 * orderflow is starting it for ({@link LifecycleInstances#bind}); an instance started any other way fails
 * to start.
 */
@Component("bindLifecycleRequestListener")
class BindLifecycleRequestListener implements ExecutionListener {

    private final LifecycleInstances instances;

    BindLifecycleRequestListener(LifecycleInstances instances) {
        this.instances = instances;
    }

    @Override
    public void notify(DelegateExecution execution) {
        instances.bind(execution);
    }
}
