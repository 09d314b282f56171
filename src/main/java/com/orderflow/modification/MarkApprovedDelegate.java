package com.orderflow.modification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("markApprovedDelegate")
class MarkApprovedDelegate implements JavaDelegate {

    private final ModificationWorkflow workflow;
    private final ModificationInstances instances;

    MarkApprovedDelegate(ModificationWorkflow workflow, ModificationInstances instances) {
        this.instances = instances;
        this.workflow = workflow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workflow.markApproved(instances.requestOf(execution));
    }
}
