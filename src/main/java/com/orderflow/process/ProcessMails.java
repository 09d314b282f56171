package com.orderflow.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * One family of a process's emails (modification, closing and reopening), each a bean named in the
 * BPMN, e.g. {@code ${modificationMails.send(execution, 'modification-applied')}}, or sent through
 * {@link MailQueue} by the step that creates a task.
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

    /** The BPMN's call: the email of this instance's work. */
    default void send(DelegateExecution execution, String template) {
        send(ProcessMail.of(execution, template, valuesRead()));
    }
}
