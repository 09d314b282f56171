package com.orderflow.closing;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import com.orderflow.audit.AuditTrail;
import com.orderflow.process.ProcessVariables;
import com.orderflow.shared.Actor;

/**
 * Guards and records the decision on a reopening: only camunda-admin decides, nobody approves their
 * own request (claim or complete), and a rejection needs a comment. Tasklist and /engine-rest show
 * the message (HTTP 400).
 */
@Component("reopenApprovalTaskListener")
class ReopenApprovalTaskListener implements TaskListener {

    private final AuditTrail audit;
    private final IdentityService identity;

    ReopenApprovalTaskListener(AuditTrail audit, IdentityService identity) {
        this.audit = audit;
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
        ActingUser user = ActingUser.of(task, identity);
        refuseRequester(requester, user.userId());
        if (!user.groups().contains(Actor.ADMINS)) {
            throw new FormFieldValidationException("approver",
                    "Only " + Actor.ADMINS + " may decide on reopening a closed order (" + user.userId() + ")");
        }
        Object approved = task.getVariable(ProcessVariables.APPROVED);
        if (!(approved instanceof Boolean yes)) {
            throw new FormFieldValidationException(ProcessVariables.APPROVED, "Decide: set approved to true or false");
        }
        String comment = (String) task.getVariable(ProcessVariables.COMMENT);
        if (!yes && (comment == null || comment.isBlank())) {
            throw new FormFieldValidationException(ProcessVariables.COMMENT, "Say why you reject the reopening");
        }
        audit.record((Long) task.getVariable(ProcessVariables.ORDER_ID), user.userId(),
                yes ? "ORDER_REOPEN_APPROVED" : "ORDER_REOPEN_REJECTED",
                "requested by " + requester + (comment == null || comment.isBlank() ? "" : ": " + comment), null, null);
        task.getExecution().getProcessInstance().setVariable(ProcessVariables.DECIDED_BY, user.userId());
    }

    private static void refuseRequester(String requester, String user) {
        if (user != null && user.equals(requester)) {
            throw new FormFieldValidationException("requester",
                    "You asked to reopen this order, so you may not approve it (" + user + ")");
        }
    }
}
