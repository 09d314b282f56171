package com.orderflow.closing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.notification.MailEvent;
import com.orderflow.notification.NotificationService;
import com.orderflow.order.SalesOrder;
import com.orderflow.order.SalesOrderRepository;
import com.orderflow.process.ProcessMails;
import com.orderflow.process.ProcessVariables;
import com.orderflow.shared.Actor;
import com.orderflow.shared.MailDeliveryException;

/**
 * The emails of the closing and reopening processes, called from the BPMN as
 * {@code ${lifecycleMails.send(execution, 'order-closed')}}. One event per process instance and
 * template, so a retried job never mails anyone twice.
 */
@Component("lifecycleMails")
class LifecycleMails implements ProcessMails {

    static final String DELIVERY = "delivery";

    private final SalesOrderRepository orders;
    private final NotificationService notifications;

    LifecycleMails(SalesOrderRepository orders, NotificationService notifications) {
        this.orders = orders;
        this.notifications = notifications;
    }

    @Override
    public Set<String> variablesRead() {
        return Set.of(ProcessVariables.ORDER_ID, ProcessVariables.REQUESTER, ProcessVariables.REASON,
                ProcessVariables.REPORT_ID, ProcessVariables.DECIDED_BY, ProcessVariables.COMMENT);
    }

    @Override
    @Transactional(noRollbackFor = MailDeliveryException.class)
    public void send(DelegateExecution execution, String template) {
        Long orderId = (Long) execution.getVariable(ProcessVariables.ORDER_ID);
        SalesOrder order = orders.findById(orderId).orElseThrow();
        String requester = (String) execution.getVariable(ProcessVariables.REQUESTER);
        Set<String> users = new HashSet<>();
        Set<String> groups = new HashSet<>();
        Long attachment = null;
        Map<String, Object> model = new HashMap<>();
        model.put("orderNumber", order.getOrderNumber());
        model.put("requester", requester);
        put(model, "reason", execution.getVariable(ProcessVariables.REASON));
        switch (template) {
            case "order-closed" -> {
                users.addAll(List.of(order.getOwner(), requester));
                groups.addAll(List.of(Actor.FINANCE, DELIVERY));
                put(model, "closedBy", order.getClosedBy());
                model.put("total", order.getTotal().toPlainString());
                model.put("currency", order.getCurrency());
                attachment = (Long) execution.getVariable(ProcessVariables.REPORT_ID);
            }
            case "order-reopen-approval-needed" -> groups.add(Actor.ADMINS);
            case "order-reopened" -> {
                users.addAll(List.of(order.getOwner(), requester));
                groups.addAll(List.of(Actor.FINANCE, DELIVERY));
                put(model, "approvedBy", execution.getVariable(ProcessVariables.DECIDED_BY));
            }
            case "order-reopen-rejected" -> {
                users.add(requester);
                put(model, "comment", execution.getVariable(ProcessVariables.COMMENT));
            }
            default -> throw new IllegalArgumentException("No such closing or reopening email: " + template);
        }
        String eventKey = execution.getProcessDefinitionId().split(":")[0] + "-" + execution.getProcessInstanceId()
                + "-" + template;
        notifications.notify(new MailEvent(eventKey, orderId, null, template, users, groups, model, attachment));
    }

    private static void put(Map<String, Object> model, String key, Object value) {
        model.put(key, value == null ? "" : value);
    }
}
