package com.orderflow.modification;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

import com.orderflow.modification.ApprovalDecisions.Decision;
import com.orderflow.process.TaskRefusedException;

/**
 * Guards and records approval decisions. Nobody may claim or complete an approval of their own
 * request, whatever groups they are in; Tasklist and /engine-rest show the message (HTTP 403).
 * A rejection needs a comment and ends the round for every group.
 */
@Component("approvalTaskListener")
class ApprovalTaskListener implements TaskListener {

    private final ModificationWorkflow workflow;
    private final ApprovalDecisions decisions;
    private final ModificationInstances instances;

    ApprovalTaskListener(ModificationWorkflow workflow, ApprovalDecisions decisions, ModificationInstances instances) {
        this.workflow = workflow;
        this.decisions = decisions;
        this.instances = instances;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            decisions.refuseRequester(task);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Decision decision = decisions.decide(task);
            String group = ModificationProcess.APPROVE_TASK.equals(task.getTaskDefinitionKey())
                    ? candidateGroup(task) : Approval.ESCALATED;
            try {
                workflow.recordDecision(instances.requestOf(task), group, decision.approver(), decision.approved(),
                        decision.comment());
            } catch (ApprovalRuleException refused) {
                throw new TaskRefusedException(403, refused.getMessage());
            }
            if (!decision.approved()) {
                task.getExecution().getProcessInstance().setVariable(ModificationProcess.ANY_REJECTED, true);
            }
        }
    }

    /** The group the task was offered to (the engine's identity link, not the {@code approverGroup} variable). */
    private static String candidateGroup(DelegateTask task) {
        return task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new TaskRefusedException(403, "Approval task " + task.getId()
                        + " is offered to no group, so nobody can decide it"));
    }
}
