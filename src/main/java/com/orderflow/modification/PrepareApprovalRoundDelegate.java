package com.orderflow.modification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessVariables;

/** Validates the request for this round and sets the approval rules' inputs and the form's texts. */
@Component("prepareApprovalRoundDelegate")
class PrepareApprovalRoundDelegate implements JavaDelegate {

    private final ModificationWorkflow workflow;

    PrepareApprovalRoundDelegate(ModificationWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long requestId = (Long) execution.getVariable(ProcessVariables.REQUEST_ID);
        execution.setVariables(workflow.approvalRoundVariables(requestId));
    }
}
