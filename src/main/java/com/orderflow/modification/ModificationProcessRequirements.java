package com.orderflow.modification;

import static com.orderflow.modification.ModificationProcess.*;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessRequirement;
import com.orderflow.process.ProcessRequirement.GroupDecision;
import com.orderflow.process.ProcessRequirement.Process;
import com.orderflow.process.ProcessRequirement.UserTask;
import com.orderflow.process.ProcessRequirement.Variable;
import com.orderflow.process.ProcessRequirement.Writes;
import com.orderflow.process.ProcessRequirements;

/**
 * What modification's code relies on in order-modification.bpmn and modification-approval.dmn: the process, the
 * tasks the listeners and queries use with the form fields they read, the approval decision, and the variables of
 * {@link ModificationProcess}.
 */
@Component
class ModificationProcessRequirements implements ProcessRequirements {

    private static final List<String> VARIABLES = List.of(REQUEST_ID, ORDER_ID, ORDER_NUMBER, REQUESTER,
            ORDER_STATUS, TOTAL_DELTA, DISCOUNT_PERCENT, CONTRACT_CHANGED, REASON, REASON_LABEL, DESCRIPTION,
            CHANGE_SUMMARY, APPROVER_GROUPS, REQUIRED_APPROVALS, APPROVER_GROUP, ANY_REJECTED,
            ApprovalDecisions.APPROVED, ApprovalDecisions.COMMENT, RESUBMIT, CONFLICT, REPORT_ID, ROUND);

    @Override
    public List<ProcessRequirement> requirements() {
        List<ProcessRequirement> requirements = new ArrayList<>(List.of(
                new Process(KEY),
                new UserTask(KEY, APPROVE_TASK, APPROVE_FORM, ApprovalDecisions.FIELDS),
                new UserTask(KEY, ESCALATED_APPROVAL_TASK, APPROVE_FORM, ApprovalDecisions.FIELDS),
                new UserTask(KEY, REVISE_REQUEST_TASK, REVISE_REQUEST_FORM, List.of(RESUBMIT)),
                new UserTask(KEY, RESOLVE_CONFLICT_TASK, REVISE_REQUEST_FORM, List.of(RESUBMIT)),
                new GroupDecision(APPROVAL_DECISION, APPROVER_GROUP),
                new Writes(KEY, APPROVER_GROUPS)));
        VARIABLES.forEach(name -> requirements.add(new Variable(name)));
        return requirements;
    }
}
