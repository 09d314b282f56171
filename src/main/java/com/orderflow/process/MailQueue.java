package com.orderflow.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Hands an email to a {@code send-email} instance of its own, called from the BPMN as
 * {@code ${mailQueue.queue(execution, 'modificationMails', 'modification-approval-needed')}}; that
 * instance's step, {@code ${mailQueue.send(execution)}}, then sends it with retries. Emails that
 * announce a task go this way: sent as a job beside the task in the same instance, the email would race
 * the approver completing it (Camunda's optimistic locking, even deadlocks on PostgreSQL). The instance
 * starts in the caller's transaction, so the email is queued exactly when the step commits.
 */
@Component("mailQueue")
public class MailQueue {

    private static final String MAILS = "mails";

    private final Map<String, ProcessMails> families;

    MailQueue(Map<String, ProcessMails> families) {
        this.families = families;
    }

    public void queue(DelegateExecution execution, String mails, String template) {
        ProcessMails family = family(mails);
        Map<String, Object> variables = new HashMap<>();
        for (String name : family.variablesRead()) {
            Object value = execution.getVariable(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        variables.put(MAILS, mails);
        variables.put(ProcessVariables.TEMPLATE, template);
        // Queuing the email is orderflow's doing, whoever's action led here: the user's authorizations
        // (may they start send-email?) do not apply.
        AsSystem.run(execution.getProcessEngineServices().getIdentityService(),
                () -> execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(
                        ProcessKeys.SEND_EMAIL, execution.getProcessBusinessKey(), variables));
    }

    /** The step of a {@code send-email} instance: sends what {@link #queue} named. */
    public void send(DelegateExecution execution) {
        family((String) execution.getVariable(MAILS)).send(execution,
                (String) execution.getVariable(ProcessVariables.TEMPLATE));
    }

    private ProcessMails family(String mails) {
        ProcessMails family = families.get(mails);
        if (family == null) {
            throw new IllegalArgumentException("No emails named " + mails + "; known: " + families.keySet());
        }
        return family;
    }
}
