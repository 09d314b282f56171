package com.orderflow.webhook;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.orderflow.audit.AuditRecorded;
import com.orderflow.order.SalesOrderRepository;
import com.orderflow.process.AsSystem;

/**
 * Writes each event of an order to the outbox, one row per active subscriber that wants it, and starts
 * the {@code deliver-webhook} instance that sends it, all in the writer's transaction: the event goes
 * out exactly when the change commits, and a change that rolls back sends nothing.
 */
@Component
class WebhookOutbox {

    static final String PROCESS = "deliver-webhook";

    private final SubscriberRepository subscribers;
    private final Deliveries deliveries;
    private final SalesOrderRepository orders;
    private final CloudEvents events;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Clock clock;

    WebhookOutbox(SubscriberRepository subscribers, Deliveries deliveries, SalesOrderRepository orders,
            CloudEvents events, RuntimeService runtime, IdentityService identity, Clock clock) {
        this.subscribers = subscribers;
        this.deliveries = deliveries;
        this.orders = orders;
        this.events = events;
        this.runtime = runtime;
        this.identity = identity;
        this.clock = clock;
    }

    @EventListener
    void on(AuditRecorded recorded) {
        if (recorded.orderId() == null) {
            return; // events are about orders (their subject is the order number)
        }
        String type = EventTypes.of(recorded.action());
        List<Subscriber> wanting = subscribers.findByActiveTrue().stream().filter(s -> s.wants(type)).toList();
        if (wanting.isEmpty()) {
            return;
        }
        String number = orders.findById(recorded.orderId()).map(o -> o.getOrderNumber()).orElseThrow();
        String body = events.document(recorded, type, number);
        for (Subscriber subscriber : wanting) {
            long id = deliveries.insert(subscriber.getId(), recorded.orderId(), CloudEvents.idOf(recorded), type,
                    number, body, clock.instant());
            // Sending is orderflow's doing, whoever's change led here; the step is asynchronous, so the
            // link is stored before it can run.
            String instance = AsSystem.call(identity, () -> runtime.startProcessInstanceByKey(PROCESS, number,
                    Map.of("subscriberId", subscriber.getId(), "eventType", type)).getId());
            deliveries.linkProcess(id, instance);
        }
    }
}
