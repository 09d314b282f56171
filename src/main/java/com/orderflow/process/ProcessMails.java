package com.orderflow.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * One family of a process's emails, a bean of the feature that owns them, which {@link OrderflowMail} (the BPMN's
 * one email step) or {@link MailQueue} hands the emails it sends. The family declares its templates
 * ({@link #templates}), so the mail step finds it by the template the diagram names and knows no feature.
 */
public interface ProcessMails {

    /**
     * Emails the people the template is for; safe to call again for the same event. Throws
     * {@link com.orderflow.shared.MailDeliveryException} when the mail server did not take all of them,
     * without dooming the caller's transaction: the unsent ones stay PENDING for a retry.
     */
    void send(ProcessMail mail);

    /**
     * The small process variables {@link #send} reads besides the instance's link (a round, the report just
     * written, checked to be the order's own), which a queued email takes along.
     */
    Set<String> valuesRead();

    /**
     * The templates (under templates/mail) this family sends from a process step, the choices of the
     * "Send an email" element template; each belongs to one family.
     */
    Set<String> templates();

    /** Sends the email of this instance's work now (see {@link OrderflowMail} for when). */
    default void send(DelegateExecution execution, String template) {
        send(ProcessMail.of(execution, template, valuesRead()));
    }
}
