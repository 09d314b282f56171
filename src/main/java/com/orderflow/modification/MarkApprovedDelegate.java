package com.orderflow.modification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessVariables;

@Component("markApprovedDelegate")
class MarkApprovedDelegate implements JavaDelegate {

    private final ModificationWorkflow workflow;

    MarkApprovedDelegate(ModificationWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workflow.markApproved((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
    }
}
