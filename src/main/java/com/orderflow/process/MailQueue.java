package com.orderflow.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.orderflow.shared.MailDeliveryException;

/**
 * The emails that announce a task. Sent as a job beside the task in the same instance, such an email
 * would race the approver completing it (Camunda's optimistic locking, even deadlocks on PostgreSQL), so
 * either the step that creates the task sends it, {@code ${mailQueue.sendOrQueue(execution,
 * 'modificationMails', 'modification-approval-needed')}}, or it goes to a {@code send-email} instance of
 * its own, {@code ${mailQueue.queue(…)}}, whose step {@code ${mailQueue.send(execution)}} sends it with
 * retries and an incident when they run out. A queued email starts in the caller's transaction, so it
 * is queued exactly when the step commits.
 */
@Component("mailQueue")
public class MailQueue {

    private static final String MAILS = "mails";

    private final Map<String, ProcessMails> families;

    MailQueue(Map<String, ProcessMails> families) {
        this.families = families;
    }

    /**
     * Sends the email at once; if the mail server does not take it, queues it to a {@code send-email}
     * instance instead, so the task is created all the same. For steps in the transaction that creates
     * the task, which nobody can complete before it commits. Sending at once saves the instance (its
     * start, variables, history and job).
     */
    public void sendOrQueue(DelegateExecution execution, String mails, String template) {
        try {
            family(mails).send(execution, template);
        } catch (MailDeliveryException notTakenNow) {
            // The unsent emails are recorded as PENDING with the server's answer; the queued instance
            // retries exactly those.
            queue(execution, mails, template);
        }
    }

    /** Hands the email to a {@code send-email} instance, for steps that run beside a task. */
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
