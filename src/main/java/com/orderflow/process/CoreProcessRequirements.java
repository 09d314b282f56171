package com.orderflow.process;

import static com.orderflow.process.ProcessKeys.*;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessRequirement.GroupDecision;
import com.orderflow.process.ProcessRequirement.Process;
import com.orderflow.process.ProcessRequirement.UserTask;
import com.orderflow.process.ProcessRequirement.Variable;
import com.orderflow.process.ProcessRequirement.Writes;

/**
 * What the code of the processes' core relies on: every key of {@link ProcessKeys}, the tasks the listeners and
 * queries use with the form fields they read, the approval decision, and every name of {@link ProcessVariables}
 * (the variables contract: read from the class itself, so a new constant needs no second list).
 */
@Component
class CoreProcessRequirements implements ProcessRequirements {

    private static final List<String> DECISION_FIELDS = List.of(ProcessVariables.APPROVED, ProcessVariables.COMMENT);

    @Override
    public List<ProcessRequirement> requirements() {
        List<ProcessRequirement> requirements = new ArrayList<>(List.of(
                new Process(ORDER_MODIFICATION), new Process(ORDER_CLOSING), new Process(ORDER_REOPENING),
                new Process(CLOSED_ORDER_REVIEW), new Process(SEND_EMAIL), new Process(INVOICE_SETTLEMENT),
                new UserTask(ORDER_MODIFICATION, APPROVE_MODIFICATION_TASK, APPROVE_MODIFICATION_FORM,
                        DECISION_FIELDS),
                new UserTask(ORDER_MODIFICATION, ESCALATED_APPROVAL_TASK, APPROVE_MODIFICATION_FORM,
                        DECISION_FIELDS),
                new UserTask(ORDER_MODIFICATION, REVISE_REQUEST_TASK, REVISE_REQUEST_FORM,
                        List.of(ProcessVariables.RESUBMIT)),
                new UserTask(ORDER_MODIFICATION, RESOLVE_CONFLICT_TASK, REVISE_REQUEST_FORM,
                        List.of(ProcessVariables.RESUBMIT)),
                new UserTask(ORDER_CLOSING, FIX_BEFORE_CLOSING_TASK, FIX_BEFORE_CLOSING_FORM,
                        List.of(ProcessVariables.RETRY)),
                new UserTask(ORDER_REOPENING, APPROVE_REOPENING_TASK, APPROVE_REOPENING_FORM, DECISION_FIELDS),
                new GroupDecision(MODIFICATION_APPROVAL_DECISION, ProcessVariables.APPROVER_GROUP),
                new Writes(ORDER_MODIFICATION, ProcessVariables.APPROVER_GROUPS)));
        variableNames().forEach(name -> requirements.add(new Variable(name)));
        return requirements;
    }

    static List<String> variableNames() {
        List<String> names = new ArrayList<>();
        for (Field field : ProcessVariables.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }
}
