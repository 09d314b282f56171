package com.orderflow.modification;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the groups the DMN chose (each once) on the request and as the multi-instance collection. */
@Component("recordRequiredApprovalsDelegate")
class RecordRequiredApprovalsDelegate implements JavaDelegate {

    private final ModificationWorkflow workflow;
    private final ModificationInstances instances;

    RecordRequiredApprovalsDelegate(ModificationWorkflow workflow, ModificationInstances instances) {
        this.instances = instances;
        this.workflow = workflow;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        Long requestId = instances.requestOf(execution);
        Object decided = execution.getVariable(ModificationProcess.APPROVER_GROUPS);
        List<String> groups = decided == null ? List.of() : (List<String>) decided;
        execution.setVariable(ModificationProcess.REQUIRED_APPROVALS,
                new ArrayList<>(workflow.requireApprovals(requestId, groups)));
        execution.removeVariable(ModificationProcess.APPROVER_GROUPS);
    }
}
