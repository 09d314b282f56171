package com.orderflow.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The step of {@code send-email}: {@code ${processMailer.send(execution)}} sends what the queue named. */
@Component("processMailer")
public class ProcessMailer {

    private final Map<String, ProcessMails> families;

    ProcessMailer(Map<String, ProcessMails> families) {
        this.families = families;
    }

    public void send(DelegateExecution execution) {
        String mails = (String) execution.getVariable(MailQueue.MAILS);
        ProcessMails family = families.get(mails);
        if (family == null) {
            throw new IllegalStateException("No emails named " + mails);
        }
        family.send(execution, (String) execution.getVariable(ProcessVariables.TEMPLATE));
    }
}
