package com.orderflow.modification;

import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;


/** The analysts' decision table on who approves a change, evaluated outside a process (for a preview). */
@Component
public class ApprovalRules {

    private final DecisionService decisions;

    ApprovalRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The groups that will have to approve, each once, in the table's order. */
    public List<String> requiredGroups(ApprovalInputs inputs) {
        List<String> groups = decisions.evaluateDecisionTableByKey(ModificationProcess.APPROVAL_DECISION,
                inputs.variables()).collectEntries(ModificationProcess.APPROVER_GROUP);
        return List.copyOf(new LinkedHashSet<>(groups));
    }
}
