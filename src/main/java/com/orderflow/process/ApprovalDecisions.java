package com.orderflow.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The rules every approval task shares: nobody claims or decides their own request, a decision is
 * an explicit {@code approved} true/false, and a rejection says why. Refusals are answered on
 * /engine-rest and in Tasklist with their reason (see {@link TaskRefusedException}).
 */
@Component
public class ApprovalDecisions {

    /** One approver's decision, read from the task's outcome variables. */
    public record Decision(ActingUser approver, boolean approved, String comment) {
    }

    private final IdentityService identity;
    private final Requesters requesters;

    ApprovalDecisions(IdentityService identity, Requesters requesters) {
        this.identity = identity;
        this.requesters = requesters;
    }

    /** For the assignment event: the requester may not take their own approval. */
    public void refuseRequester(DelegateTask task) {
        refuse(requesterOf(task), task.getAssignee());
    }

    /** For the complete event: checks and returns the decision, then clears the outcome variables. */
    public Decision decide(DelegateTask task) {
        ActingUser approver = ActingUser.of(task, identity);
        refuse(requesterOf(task), approver.userId());
        Object approved = task.getVariable(ProcessVariables.APPROVED);
        if (!(approved instanceof Boolean yes)) {
            throw new TaskRefusedException(400, "Decide: set approved to true or false");
        }
        String comment = (String) task.getVariable(ProcessVariables.COMMENT);
        if (!yes && (comment == null || comment.isBlank())) {
            throw new TaskRefusedException(400, "Say why you reject this request (comment)");
        }
        // The outcome must not leak into the next approver's decision.
        task.getExecution().getProcessInstance().removeVariable(ProcessVariables.APPROVED);
        task.getExecution().getProcessInstance().removeVariable(ProcessVariables.COMMENT);
        return new Decision(approver, yes, comment);
    }

    /** From orderflow's tables, never from the {@code requester} variable, which a caller might have written. */
    private String requesterOf(DelegateTask task) {
        return requesters.of(task.getProcessInstanceId()).orElseThrow(() -> new TaskRefusedException(403,
                "Task " + task.getId() + " belongs to no request orderflow started; it cannot be decided"));
    }

    private static void refuse(String requester, String user) {
        if (user != null && user.equals(requester)) {
            throw new TaskRefusedException(403, "You made this request, so you may not approve it (" + user + ")");
        }
    }
}
