package com.orderflow.modification;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.orderflow.process.ActingUser;
import com.orderflow.process.Requesters;
import com.orderflow.process.TaskRefusedException;

/**
 * The rules every approval task shares: nobody claims or decides their own request, a decision is
 * an explicit {@code approved} true/false, and a rejection says why. Refusals are answered on
 * /engine-rest and in Tasklist with their reason (see {@link TaskRefusedException}).
 * A feature rule, so it lives with modification's approvals; lifecycle (which depends on modification) reuses it.
 */
@Component
public class ApprovalDecisions {

    /** The decision form's fields: {@code approved} true or false, and the comment a rejection needs. */
    public static final String APPROVED = "approved";
    public static final String COMMENT = "comment";
    public static final List<String> FIELDS = List.of(APPROVED, COMMENT);

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
        Object approved = task.getVariable(APPROVED);
        if (!(approved instanceof Boolean yes)) {
            throw new TaskRefusedException(400, "Decide: set approved to true or false");
        }
        String comment = (String) task.getVariable(COMMENT);
        if (!yes && (comment == null || comment.isBlank())) {
            throw new TaskRefusedException(400, "Say why you reject this request (comment)");
        }
        // The outcome must not leak into the next approver's decision.
        task.getExecution().getProcessInstance().removeVariable(APPROVED);
        task.getExecution().getProcessInstance().removeVariable(COMMENT);
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
