package com.orderflow.lifecycle;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.shared.MailEvent;
import com.orderflow.shared.MailLinks;
import com.orderflow.order.SalesOrder;
import com.orderflow.order.SalesOrderRepository;
import com.orderflow.process.ProcessMail;
import com.orderflow.process.ProcessMails;
import com.orderflow.shared.Actor;
import com.orderflow.shared.MailDeliveryException;

/**
 * The emails of the closing and reopening processes, sent by the BPMN's email step
 * {@code ${orderflowMail.send(execution, 'order-closed')}}. One event per process instance and
 * template, so a retried job never mails anyone twice.
 */
@Component("lifecycleMails")
class LifecycleMails implements ProcessMails {

    static final String DELIVERY = "delivery";

    private final LifecycleInstances instances;
    private final SalesOrderRepository orders;
    private final ApplicationEventPublisher events;
    private final MailLinks links;

    LifecycleMails(LifecycleInstances instances, SalesOrderRepository orders, ApplicationEventPublisher events,
            MailLinks links) {
        this.instances = instances;
        this.orders = orders;
        this.events = events;
        this.links = links;
    }

    @Override
    public Set<String> templates() {
        return Set.of("order-closed", "order-reopen-approval-needed", "order-reopened", "order-reopen-rejected");
    }

    @Override
    public Set<String> valuesRead() {
        return Set.of(LifecycleProcess.REPORT_ID);
    }

    @Override
    @Transactional(noRollbackFor = MailDeliveryException.class)
    public void send(ProcessMail mail) {
        String template = mail.template();
        LifecycleRequest request = instances.of(mail.processInstanceId());
        Long orderId = request.getOrderId();
        SalesOrder order = orders.findById(orderId).orElseThrow();
        String requester = request.getRequester();
        Set<String> users = new HashSet<>();
        Set<String> groups = new HashSet<>();
        Long attachment = null;
        Map<String, Object> model = new HashMap<>();
        model.put("orderNumber", order.getOrderNumber());
        model.put("requester", requester);
        put(model, "reason", request.getReason());
        model.put("orderUrl", links.order(orderId));
        switch (template) {
            case "order-closed" -> {
                users.addAll(List.of(order.getOwner(), requester));
                groups.addAll(List.of(Actor.FINANCE, DELIVERY));
                put(model, "closedBy", order.getClosedBy());
                model.put("total", order.getTotal().toPlainString());
                model.put("currency", order.getCurrency());
                attachment = (Long) mail.value(LifecycleProcess.REPORT_ID);
            }
            case "order-reopen-approval-needed" -> {
                groups.add(Actor.ADMINS);
                model.put("actionUrl", links.task(mail.processInstanceId(), orderId));
            }
            case "order-reopened" -> {
                users.addAll(List.of(order.getOwner(), requester));
                groups.addAll(List.of(Actor.FINANCE, DELIVERY));
                put(model, "approvedBy", request.getDecidedBy());
            }
            case "order-reopen-rejected" -> {
                users.add(requester);
                put(model, "comment", request.getComment());
            }
            default -> throw new IllegalArgumentException("No such closing or reopening email: " + template);
        }
        String eventKey = request.getKind().processKey() + "-" + mail.processInstanceId() + "-" + template;
        events.publishEvent(new MailEvent(eventKey, orderId, null, template, users, groups, model, attachment));
    }

    private static void put(Map<String, Object> model, String key, Object value) {
        model.put(key, value == null ? "" : value);
    }
}
