package com.orderflow.modification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("markWithdrawnDelegate")
class MarkWithdrawnDelegate implements JavaDelegate {

    private final ModificationWorkflow workflow;
    private final ModificationInstances instances;

    MarkWithdrawnDelegate(ModificationWorkflow workflow, ModificationInstances instances) {
        this.instances = instances;
        this.workflow = workflow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workflow.markWithdrawn(instances.requestOf(execution));
    }
}
