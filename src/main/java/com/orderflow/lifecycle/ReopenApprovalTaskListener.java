package com.orderflow.lifecycle;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.orderflow.modification.ApprovalDecisions;
import com.orderflow.modification.ApprovalDecisions.Decision;
import com.orderflow.order.OrderStateException;
import com.orderflow.process.TaskRefusedException;
import com.orderflow.shared.AuditEntry;

/**
 * Guards and records the decision on a reopening: only camunda-admin decides, nobody approves their
 * own request (claim or complete), and a rejection needs a comment. Tasklist and /engine-rest show
 * the message (HTTP 403/400).
 */
@Component("reopenApprovalTaskListener")
class ReopenApprovalTaskListener implements TaskListener {

    private final ApplicationEventPublisher events;
    private final ApprovalDecisions decisions;
    private final LifecycleInstances instances;
    private final Clock clock;

    ReopenApprovalTaskListener(ApplicationEventPublisher events, ApprovalDecisions decisions,
            LifecycleInstances instances, Clock clock) {
        this.events = events;
        this.decisions = decisions;
        this.instances = instances;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            decisions.refuseRequester(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            complete(task);
        }
    }

    private void complete(DelegateTask task) {
        Decision decision = decisions.decide(task);
        String user = decision.approver().userId();
        String comment = decision.comment();
        LifecycleRequest request = instances.of(task.getProcessInstanceId());
        try {
            request.decide(user, decision.approver().groups(), decision.approved(), comment, clock.instant());
        } catch (OrderStateException refused) {
            throw new TaskRefusedException(403, refused.getMessage());
        }
        events.publishEvent(new AuditEntry(request.getOrderId(), user,
                decision.approved() ? "ORDER_REOPEN_APPROVED" : "ORDER_REOPEN_REJECTED",
                "requested by " + request.getRequester() + (comment == null || comment.isBlank() ? "" : ": " + comment),
                null, null));
        task.getExecution().getProcessInstance().setVariable(LifecycleProcess.DECIDED_BY, user);
        // The gateway and the rejection email read the decision.
        task.getExecution().getProcessInstance().setVariable(LifecycleProcess.APPROVED, decision.approved());
        task.getExecution().getProcessInstance().setVariable(LifecycleProcess.COMMENT, comment);
    }
}
