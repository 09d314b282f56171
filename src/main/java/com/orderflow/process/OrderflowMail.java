package com.orderflow.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

/**
 * The one email step of every diagram: {@code ${orderflowMail.send(execution, 'modification-applied')}}.
 * The analyst picks the template (the "Send an email" element template lists them); orderflow finds the
 * family of emails that sends it and decides how, from where the step stands:
 * <ul>
 * <li>beside another active step of the instance (a non-interrupting timer on a user task, a parallel
 * branch): queued to a {@code send-email} instance of its own, so neither a slow nor a failing mail
 * server can hold up or roll back the user who completes that task meanwhile;</li>
 * <li>behind an async boundary ({@code camunda:asyncBefore}): sent in that job, whose retries and incident
 * cover a mail server that is down;</li>
 * <li>otherwise (in the transaction of a user's action or of the step before, e.g. the one that creates
 * the task the email announces): sent at once, and queued if the mail server does not take it, so the
 * user's action commits all the same.</li>
 * </ul>
 */
@Component("orderflowMail")
public class OrderflowMail {

    private final Map<String, String> familyOfTemplate;
    private final Map<String, ProcessMails> families;
    private final MailQueue queue;

    /** Public for a diagram's process test, which hands it mocked families and queue. */
    public OrderflowMail(Map<String, ProcessMails> families, MailQueue queue) {
        this.families = families;
        this.queue = queue;
        this.familyOfTemplate = familiesByTemplate(families);
    }

    /** The BPMN's call: the email named {@code template}, about this instance's work. */
    public void send(DelegateExecution execution, String template) {
        String family = familyOf(template);
        switch (dispatchOf(execution)) {
            case QUEUE -> queue.queue(execution, family, template);
            case SEND_IN_JOB -> families.get(family).send(execution, template);
            case SEND_OR_QUEUE -> queue.sendOrQueue(execution, family, template);
        }
    }

    /** Every template a process step may send, for the element template's pick list and its test. */
    public Set<String> templates() {
        return new TreeSet<>(familyOfTemplate.keySet());
    }

    enum Dispatch { QUEUE, SEND_IN_JOB, SEND_OR_QUEUE }

    static Dispatch dispatchOf(DelegateExecution execution) {
        if (besideAnotherStep(execution)) {
            return Dispatch.QUEUE;
        }
        return isAsyncBefore(execution) ? Dispatch.SEND_IN_JOB : Dispatch.SEND_OR_QUEUE;
    }

    /**
     * Whether anything else of the instance is active now: a user task waiting, a timer's other branch. The
     * engine answers from this transaction's own view of the instance, so the task that this very step is
     * about to announce (not created yet) does not count.
     */
    private static boolean besideAnotherStep(DelegateExecution execution) {
        // Orderflow's own look, whoever's action led here: the user's authorizations do not apply.
        List<String> active = AsSystem.call(execution.getProcessEngineServices().getIdentityService(),
                () -> execution.getProcessEngineServices().getRuntimeService()
                        .getActiveActivityIds(execution.getProcessInstanceId()));
        return active.stream().anyMatch(id -> !id.equals(execution.getCurrentActivityId()));
    }

    private static boolean isAsyncBefore(DelegateExecution execution) {
        return execution.getBpmnModelElementInstance() instanceof FlowNode node && node.isCamundaAsyncBefore();
    }

    private String familyOf(String template) {
        String family = familyOfTemplate.get(template);
        if (family == null) {
            throw new IllegalArgumentException("No process email " + template + "; known: " + templates());
        }
        return family;
    }

    private static Map<String, String> familiesByTemplate(Map<String, ProcessMails> families) {
        Map<String, String> byTemplate = new HashMap<>();
        families.forEach((name, family) -> family.templates().forEach(template -> {
            String other = byTemplate.putIfAbsent(template, name);
            if (other != null) {
                throw new IllegalStateException("Email " + template + " is sent by both " + other + " and " + name);
            }
        }));
        return Map.copyOf(byTemplate);
    }
}
