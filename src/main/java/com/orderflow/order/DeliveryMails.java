package com.orderflow.order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.audit.AuditEvent;
import com.orderflow.audit.AuditTrail;
import com.orderflow.shared.MailEvent;
import com.orderflow.process.ProcessMail;
import com.orderflow.process.ProcessMails;
import com.orderflow.shared.MailDeliveryException;

/**
 * Tells the delivery team (and the owner) what a change of an order did to its deliveries and returns.
 * Queued by {@link OrderChanges} in the change's transaction; the changes are read from that revision's
 * audit event, so the email says exactly what was recorded.
 */
@Component(OrderChanges.DELIVERY_MAILS)
class DeliveryMails implements ProcessMails {

    static final String DELIVERY_GROUP = "delivery";
    private static final Pattern ABOUT = Pattern.compile("order-(\\d+)-revision-(\\d+)");

    private final SalesOrderRepository orders;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    DeliveryMails(SalesOrderRepository orders, AuditTrail audit, ApplicationEventPublisher events,
            ObjectMapper json) {
        this.orders = orders;
        this.audit = audit;
        this.events = events;
        this.json = json;
    }

    static String about(Long orderId, int revision) {
        return "order-" + orderId + "-revision-" + revision;
    }

    /** None: its one email is queued about a direct edit of an order, never sent by a process step. */
    @Override
    public Set<String> templates() {
        return Set.of();
    }

    @Override
    public Set<String> valuesRead() {
        return Set.of();
    }

    @Override
    @Transactional(noRollbackFor = MailDeliveryException.class)
    public void send(ProcessMail mail) {
        Matcher about = ABOUT.matcher(String.valueOf(mail.value(ProcessMail.ABOUT)));
        if (!about.matches() || !OrderChanges.DELIVERIES_CHANGED.equals(mail.template())) {
            throw new IllegalArgumentException("No such delivery email: " + mail.template() + " about "
                    + mail.value(ProcessMail.ABOUT));
        }
        Long orderId = Long.valueOf(about.group(1));
        String revision = about.group(2);
        SalesOrder order = orders.findById(orderId).orElseThrow();
        AuditEvent event = audit.find(orderId, "DELIVERIES_CHANGED", "revision " + revision).orElseThrow(() ->
                new IllegalStateException("No delivery changes recorded for " + mail.value(ProcessMail.ABOUT)));
        Map<String, Object> model = new HashMap<>();
        model.put("orderNumber", order.getOrderNumber());
        model.put("revision", Integer.valueOf(revision));
        model.put("changes", changes(event));
        events.publishEvent(new MailEvent("deliveries-" + orderId + "-r" + revision, orderId, null,
                OrderChanges.DELIVERIES_CHANGED, Set.of(order.getOwner()), Set.of(DELIVERY_GROUP), model, null));
    }

    private List<Map<String, Object>> changes(AuditEvent event) {
        try {
            JsonNode changes = json.readTree(event.getAfterState()).path("changes");
            return json.convertValue(changes, json.getTypeFactory().constructCollectionType(List.class, Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit event " + event.getId() + " is not readable", e);
        }
    }
}
