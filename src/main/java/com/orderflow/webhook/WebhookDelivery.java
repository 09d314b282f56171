package com.orderflow.webhook;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code deliver-webhook}: {@code ${webhookDelivery.send(execution)}} and, after a refusal,
 * {@code ${webhookDelivery.resend(execution)}}. An instance stands for one outbox row, read by its
 * process instance id, never from variables. Per order the events go out in order: the step first sends
 * what is still pending before its own event (under a lock, so two jobs never send the same one at once)
 * and throws, to be retried with backoff, while any of them is not taken. At least once: an event whose
 * answer was lost is sent again, with the same id. Public, as the diagram's expressions call it.
 */
@Component("webhookDelivery")
public class WebhookDelivery {

    static final String REFUSED_ERROR = "webhook-refused";

    private final Deliveries deliveries;
    private final SubscriberRepository subscribers;
    private final WebhookSender sender;
    private final Attempts attempts;

    WebhookDelivery(Deliveries deliveries, SubscriberRepository subscribers, WebhookSender sender,
            Attempts attempts) {
        this.deliveries = deliveries;
        this.subscribers = subscribers;
        this.sender = sender;
        this.attempts = attempts;
    }

    public void send(DelegateExecution execution) {
        deliver(execution, true);
    }

    /** After a refusal: tried again on the short work cycle; what still fails becomes an incident. */
    public void resend(DelegateExecution execution) {
        deliver(execution, false);
    }

    private void deliver(DelegateExecution execution, boolean firstRound) {
        Delivery own = deliveries.ofProcess(execution.getProcessInstanceId()).orElseThrow(() ->
                new IllegalStateException("deliver-webhook instance " + execution.getProcessInstanceId()
                        + " was not started by orderflow; it sends nothing"));
        deliveries.lockOrderOf(own);
        Subscriber subscriber = subscribers.findById(own.subscriberId()).orElseThrow();
        for (Delivery due : deliveries.dueUpTo(own)) {
            if (due.status() == Delivery.Status.DELIVERED || due.status() == Delivery.Status.CANCELLED) {
                continue; // own, sent meanwhile by the job of a later event of the order
            }
            if (!subscriber.isActive()) {
                attempts.cancel(due);
                continue;
            }
            SendOutcome outcome = sender.send(subscriber, due);
            attempts.record(due, outcome);
            if (!outcome.delivered()) {
                throw notDelivered(due, own, outcome, firstRound);
            }
        }
    }

    private static RuntimeException notDelivered(Delivery due, Delivery own, SendOutcome outcome,
            boolean firstRound) {
        if (due.id() != own.id()) {
            // An earlier event of the order went first and was not taken; this one waits for it.
            return new IllegalStateException("Event " + own.eventId() + " waits for the earlier event "
                    + due.eventId() + " of " + due.subject() + ": " + outcome.error());
        }
        if (outcome.refused() && firstRound) {
            return new BpmnError(REFUSED_ERROR, "The subscriber refused event " + own.eventId() + ": "
                    + outcome.error());
        }
        return new IllegalStateException("Event " + own.eventId() + " of " + own.subject() + " was not delivered: "
                + outcome.error());
    }
}
