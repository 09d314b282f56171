package com.orderflow.modification;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessKeys;
import com.orderflow.process.ProcessVariables;

/**
 * Hands an email of the modification process to a {@code modification-email} instance of its own,
 * called from the BPMN as {@code ${modificationMailQueue.queue(execution, 'modification-approval-needed')}}.
 * Emails that announce a task go this way: sent as a job of the approval instance itself, the email
 * would race the approver completing the task (optimistic locking, even deadlocks on PostgreSQL).
 * The instance starts in the caller's transaction, so the email is queued exactly when the step commits.
 * Public, as the expression language only calls methods of public classes.
 */
@Component("modificationMailQueue")
public class ModificationMailQueue {

    public void queue(DelegateExecution execution, String template) {
        Object round = execution.getVariable(ProcessVariables.ROUND);
        Map<String, Object> variables = Map.of(
                ProcessVariables.REQUEST_ID, execution.getVariable(ProcessVariables.REQUEST_ID),
                ProcessVariables.ORDER_NUMBER, execution.getVariable(ProcessVariables.ORDER_NUMBER),
                ProcessVariables.ROUND, round == null ? 1 : round,
                ProcessVariables.TEMPLATE, template);
        // Queuing the email is orderflow's doing, whoever's action led here: the user's authorizations
        // (may they start modification-email?) do not apply.
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(
                    ProcessKeys.MODIFICATION_EMAIL, execution.getProcessBusinessKey(), variables);
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
