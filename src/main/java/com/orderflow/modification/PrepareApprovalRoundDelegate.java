package com.orderflow.modification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Validates the request for this round and sets the approval rules' inputs and the form's texts. */
@Component("prepareApprovalRoundDelegate")
class PrepareApprovalRoundDelegate implements JavaDelegate {

    private final ModificationWorkflow workflow;
    private final ModificationInstances instances;

    PrepareApprovalRoundDelegate(ModificationWorkflow workflow, ModificationInstances instances) {
        this.instances = instances;
        this.workflow = workflow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long requestId = instances.requestOf(execution);
        execution.setVariables(workflow.approvalRoundVariables(requestId));
    }
}
