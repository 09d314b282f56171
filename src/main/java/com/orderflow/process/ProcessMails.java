package com.orderflow.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * One family of a process's emails (modification, closing and reopening), each a bean named in the
 * BPMN, e.g. {@code ${modificationMails.send(execution, 'modification-applied')}}, or queued to the
 * {@code send-email} process with {@code ${mailQueue.queue(execution, 'modificationMails', '…')}}.
 */
public interface ProcessMails {

    /** Emails the people the template is for; safe to call again for the same event. */
    void send(DelegateExecution execution, String template);

    /** The process variables {@link #send} reads, which a queued email takes along. */
    Set<String> variablesRead();
}
