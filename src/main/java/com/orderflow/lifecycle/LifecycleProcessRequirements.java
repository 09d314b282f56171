package com.orderflow.lifecycle;

import static com.orderflow.lifecycle.LifecycleProcess.*;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.orderflow.modification.ApprovalDecisions;
import com.orderflow.process.ProcessRequirement;
import com.orderflow.process.ProcessRequirement.Process;
import com.orderflow.process.ProcessRequirement.UserTask;
import com.orderflow.process.ProcessRequirement.Variable;
import com.orderflow.process.ProcessRequirements;

/**
 * What lifecycle's code relies on in order-closing.bpmn and order-reopening.bpmn: both processes, the tasks the
 * listeners use with the form fields they read, and the variables of {@link LifecycleProcess}.
 */
@Component
class LifecycleProcessRequirements implements ProcessRequirements {

    private static final List<String> VARIABLES = List.of(ORDER_ID, ORDER_NUMBER, REQUESTER, OWNER, REASON,
            CHECKS_PASSED, FAILED_CHECKS, RETRY, CLOSED_REVISION, REPORT_ID, DECIDED_BY, APPROVED, COMMENT);

    @Override
    public List<ProcessRequirement> requirements() {
        List<ProcessRequirement> requirements = new ArrayList<>(List.of(
                new Process(CLOSING_KEY), new Process(REOPENING_KEY),
                new UserTask(CLOSING_KEY, FIX_BEFORE_CLOSING_TASK, FIX_BEFORE_CLOSING_FORM, List.of(RETRY)),
                new UserTask(REOPENING_KEY, APPROVE_REOPENING_TASK, APPROVE_REOPENING_FORM,
                        ApprovalDecisions.FIELDS)));
        VARIABLES.forEach(name -> requirements.add(new Variable(name)));
        return requirements;
    }
}
