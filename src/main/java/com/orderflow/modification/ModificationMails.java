package com.orderflow.modification;

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
 * The emails of the modification process, sent by the BPMN's email step
 * {@code ${orderflowMail.send(execution, 'modification-applied')}}. Who is mailed follows the event.
 */
@Component("modificationMails")
class ModificationMails implements ProcessMails {

    static final String DELIVERY = "delivery";

    private final ModificationWorkflow workflow;
    private final ModificationInstances instances;
    private final SalesOrderRepository orders;
    private final ApplicationEventPublisher events;
    private final ChangeTexts texts;
    private final MailLinks links;

    ModificationMails(ModificationWorkflow workflow, ModificationInstances instances, SalesOrderRepository orders,
            ApplicationEventPublisher events, ChangeTexts texts, MailLinks links) {
        this.workflow = workflow;
        this.instances = instances;
        this.orders = orders;
        this.events = events;
        this.texts = texts;
        this.links = links;
    }

    @Override
    public Set<String> templates() {
        return Set.of("modification-approval-needed", "modification-reminder", "modification-escalated",
                "modification-rejected", "modification-conflict", "modification-applied");
    }

    @Override
    public Set<String> valuesRead() {
        return Set.of(ModificationProcess.ROUND, ModificationProcess.REPORT_ID);
    }

    @Override
    @Transactional(noRollbackFor = MailDeliveryException.class)
    public void send(ProcessMail mail) {
        String template = mail.template();
        Long requestId = instances.requestOf(mail.processInstanceId());
        ModificationRequest request = workflow.find(requestId);
        SalesOrder order = orders.findById(request.getOrderId()).orElseThrow();
        Set<String> users = new HashSet<>();
        Set<String> groups = new HashSet<>();
        Long attachment = null;
        switch (template) {
            case "modification-approval-needed", "modification-reminder" -> groups.addAll(request.getRequiredApprovals());
            case "modification-escalated" -> groups.addAll(List.of(Actor.SALES_MANAGERS, Actor.ADMINS));
            case "modification-rejected", "modification-conflict" -> users.add(request.getRequester());
            case "modification-applied" -> {
                users.add(request.getRequester());
                users.add(order.getOwner());
                groups.addAll(concernedDepartments(request));
                attachment = (Long) mail.value(ModificationProcess.REPORT_ID);
            }
            default -> throw new IllegalArgumentException("No such modification email: " + template);
        }
        // The round the email was meant for, even if it is sent after a resubmission started the next one.
        Object round = mail.value(ModificationProcess.ROUND);
        String eventKey = "request-" + requestId + "-r" + (round == null ? request.getRound() : round) + "-"
                + template;
        events.publishEvent(new MailEvent(eventKey, order.getId(), requestId, template, users, groups,
                model(request, order, template, mail.processInstanceId()), attachment));
    }

    /** Finance for money, delivery for dates and quantities, legal for contract terms. */
    private static Set<String> concernedDepartments(ModificationRequest request) {
        Set<String> groups = new HashSet<>();
        for (FieldChange change : request.getChanges()) {
            OrderField field = OrderField.byPath(change.getField()).orElseThrow();
            if (field.changesMoney()) {
                groups.add(Actor.FINANCE);
            }
            if (field == OrderField.CONTRACT_DELIVERY_DATE || field == OrderField.LINES) {
                groups.add(DELIVERY);
            }
            if (field.isContractTerm()) {
                groups.add(Actor.LEGAL);
            }
        }
        return groups;
    }

    private Map<String, Object> model(ModificationRequest request, SalesOrder order, String template,
            String processInstanceId) {
        var rejection = request.getApprovals().stream().filter(a -> "REJECTED".equals(a.getDecision()))
                .reduce((first, second) -> second);
        Map<String, Object> model = new HashMap<>();
        model.put("orderNumber", order.getOrderNumber());
        model.put("requester", request.getRequester());
        model.put("reason", request.getReason().label());
        model.put("description", request.getDescription());
        model.put("requestId", request.getId());
        model.put("changes", texts.mailRows(request.getChanges()));
        model.put("comment", rejection.map(a -> a.getComment()).orElse(""));
        model.put("rejectedBy", rejection.map(a -> a.getUserId()).orElse(""));
        model.put("revision", request.getAppliedRevision() == null ? "" : request.getAppliedRevision());
        model.put("orderUrl", links.order(order.getId()));
        // Every modification email but "applied" asks its reader to act on a task of this instance.
        if (!"modification-applied".equals(template)) {
            model.put("actionUrl", links.task(processInstanceId, order.getId()));
        }
        return model;
    }
}
