package com.orderflow.modification;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessKeys;
import com.orderflow.process.TaskRefusedException;
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
    private final IdentityService identity;

    ApprovalTaskListener(ModificationWorkflow workflow, IdentityService identity) {
        this.workflow = workflow;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String requester = (String) task.getVariable(ProcessVariables.REQUESTER);
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            refuseRequester(requester, task.getAssignee());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task, requester);
        }
    }

    private void complete(DelegateTask task, String requester) {
        String user = actingUser(task);
        refuseRequester(requester, user);
        Object approved = task.getVariable(ProcessVariables.APPROVED);
        if (!(approved instanceof Boolean)) {
            throw new TaskRefusedException(400, "Decide: set approved to true or false");
        }
        String comment = (String) task.getVariable(ProcessVariables.COMMENT);
        if (!(Boolean) approved && (comment == null || comment.isBlank())) {
            throw new TaskRefusedException(400, "Say why you reject this change (comment)");
        }
        String group = ProcessKeys.APPROVE_MODIFICATION_TASK.equals(task.getTaskDefinitionKey())
                ? (String) task.getVariable(ProcessVariables.APPROVER_GROUP) : ESCALATION_GROUP;
        workflow.recordDecision((Long) task.getVariable(ProcessVariables.REQUEST_ID), group, user,
                (Boolean) approved, comment);
        if (!(Boolean) approved) {
            task.getExecution().getProcessInstance().setVariable(ProcessVariables.ANY_REJECTED, true);
        }
        // The outcome must not leak into the next approver's decision.
        task.getExecution().getProcessInstance().removeVariable(ProcessVariables.APPROVED);
        task.getExecution().getProcessInstance().removeVariable(ProcessVariables.COMMENT);
    }

    private static void refuseRequester(String requester, String user) {
        if (user != null && user.equals(requester)) {
            throw new TaskRefusedException(403, "You requested this change, so you may not approve it (" + user + ")");
        }
    }

    /** The signed-in user (Tasklist, /engine-rest), else the assignee (engine API calls). */
    private String actingUser(DelegateTask task) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() == null ? "unknown" : task.getAssignee();
    }
}
