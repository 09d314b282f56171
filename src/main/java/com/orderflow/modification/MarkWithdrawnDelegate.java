package com.orderflow.modification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessVariables;

@Component("markWithdrawnDelegate")
class MarkWithdrawnDelegate implements JavaDelegate {

    private final ModificationWorkflow workflow;

    MarkWithdrawnDelegate(ModificationWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workflow.markWithdrawn((Long) execution.getVariable(ProcessVariables.REQUEST_ID));
    }
}
