package com.orderflow.process;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import com.orderflow.shared.MailDeliveryException;

/**
 * The two ways {@link OrderflowMail} (the BPMN's one email step) sends an email besides in a job of its
 * own. Sent as a job beside a task in the same instance, an email would race the user completing it
 * (Camunda's optimistic locking, even deadlocks on PostgreSQL), so either the step that creates the task
 * sends it ({@link #sendOrQueue}), or it goes to a {@code send-email} instance of its own ({@link #queue}),
 * whose step {@code ${mailQueue.send(execution)}} sends it with retries and an incident when they run
 * out. A queued email starts in the caller's transaction, so it is queued exactly when the step commits.
 */
@Component("mailQueue")
public class MailQueue {

    /** The process of a queued email, and the template it sends (shown in Cockpit). */
    public static final String SEND_EMAIL = "send-email";
    public static final String TEMPLATE = "template";

    private static final String MAILS = "mails";

    private final Map<String, ProcessMails> families;
    private final QueuedMailRepository queued;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final Clock clock;

    MailQueue(Map<String, ProcessMails> families, QueuedMailRepository queued, IdentityService identity,
            RuntimeService runtime, Clock clock) {
        this.families = families;
        this.queued = queued;
        this.identity = identity;
        this.runtime = runtime;
        this.clock = clock;
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
        Map<String, Object> variables = new HashMap<>(ProcessMail.valuesOf(execution, family.valuesRead()));
        // Shown in Cockpit; the step reads what to send from the QueuedMail row, never from these.
        variables.put(MAILS, mails);
        variables.put(TEMPLATE, template);
        // Queuing the email is orderflow's doing, whoever's action led here: the user's authorizations
        // (may they start send-email?) do not apply. The send step is asynchronous, so the link below is
        // stored before it can run.
        String instanceId = AsSystem.call(execution.getProcessEngineServices().getIdentityService(),
                () -> execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(
                        SEND_EMAIL, execution.getProcessBusinessKey(), variables).getId());
        queued.save(new QueuedMail(instanceId, execution.getProcessInstanceId(), mails, template, clock.instant()));
    }

    /**
     * Queues an email that no process instance stands behind (a direct edit of an order): {@code about}
     * names its subject, e.g. {@code order-12-revision-3}, and is stored with the queued row, so the family
     * reads it from there ({@link ProcessMail#ABOUT}), never from a variable. Runs in the caller's
     * transaction: the email is queued exactly when the change commits.
     */
    public void queueAbout(String businessKey, String about, String mails, String template) {
        family(mails);
        String instanceId = AsSystem.call(identity, () -> runtime.startProcessInstanceByKey(SEND_EMAIL,
                businessKey, Map.of(MAILS, mails, TEMPLATE, template)).getId());
        queued.save(QueuedMail.about(instanceId, about, mails, template, clock.instant()));
    }

    /** The step of a {@code send-email} instance: sends what {@link #queue} stored for it. */
    public void send(DelegateExecution execution) {
        QueuedMail mail = queued.findById(execution.getProcessInstanceId()).orElseThrow(() ->
                new IllegalStateException("send-email instance " + execution.getProcessInstanceId()
                        + " was not queued by orderflow; it sends nothing"));
        ProcessMails family = family(mail.getMails());
        Map<String, Object> values = new HashMap<>(ProcessMail.valuesOf(execution, family.valuesRead()));
        if (mail.getAbout() != null) {
            values.put(ProcessMail.ABOUT, mail.getAbout());
        }
        family.send(new ProcessMail(mail.getSourceProcessInstanceId(), mail.getTemplate(), values));
    }

    private ProcessMails family(String mails) {
        ProcessMails family = families.get(mails);
        if (family == null) {
            throw new IllegalArgumentException("No emails named " + mails + "; known: " + families.keySet());
        }
        return family;
    }
}
