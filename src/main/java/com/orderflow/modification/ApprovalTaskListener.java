package com.orderflow.modification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessKeys;
import com.orderflow.process.ApprovalDecisions;
import com.orderflow.process.ApprovalDecisions.Decision;
import com.orderflow.process.ProcessVariables;

/**
 * Guards and records approval decisions. Nobody may claim or complete an approval of their own
 * request, whatever groups they are in; Tasklist and /engine-rest show the message (HTTP 403).
 * A rejection needs a comment and ends the round for every group.
 */
@Component("approvalTaskListener")
class ApprovalTaskListener implements TaskListener {

    static final String ESCALATION_GROUP = "sales-managers (escalated)";

    private final ModificationWorkflow workflow;
    private final ApprovalDecisions decisions;

    ApprovalTaskListener(ModificationWorkflow workflow, ApprovalDecisions decisions) {
        this.workflow = workflow;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            decisions.refuseRequester(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Decision decision = decisions.decide(task);
            String group = ProcessKeys.APPROVE_MODIFICATION_TASK.equals(task.getTaskDefinitionKey())
                    ? (String) task.getVariable(ProcessVariables.APPROVER_GROUP) : ESCALATION_GROUP;
            workflow.recordDecision((Long) task.getVariable(ProcessVariables.REQUEST_ID), group,
                    decision.approver().userId(), decision.approved(), decision.comment());
            if (!decision.approved()) {
                task.getExecution().getProcessInstance().setVariable(ProcessVariables.ANY_REJECTED, true);
            }
        }
    }
}
