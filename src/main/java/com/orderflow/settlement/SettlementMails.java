package com.orderflow.settlement;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.order.CreditNoteRepository;
import com.orderflow.order.InvoiceRepository;
import com.orderflow.order.InvoicedBalance;
import com.orderflow.order.SalesOrder;
import com.orderflow.order.SalesOrderRepository;
import com.orderflow.shared.MailEvent;
import com.orderflow.shared.MailLinks;
import com.orderflow.process.ProcessMail;
import com.orderflow.process.ProcessMails;
import com.orderflow.shared.Actor;
import com.orderflow.shared.MailDeliveryException;

/**
 * The emails of the settlement process: finance is asked, reminded, and (with the admins) told of an
 * overdue settlement; finance and the owner learn what was issued. The settlement is found from the
 * instance's link; one event per instance and template, so a retry never mails anyone twice.
 */
@Component("settlementMails")
class SettlementMails implements ProcessMails {

    private final SettlementRepository settlements;
    private final SalesOrderRepository orders;
    private final InvoiceRepository invoices;
    private final CreditNoteRepository creditNotes;
    private final ApplicationEventPublisher events;
    private final MailLinks links;

    SettlementMails(SettlementRepository settlements, SalesOrderRepository orders, InvoiceRepository invoices,
            CreditNoteRepository creditNotes, ApplicationEventPublisher events, MailLinks links) {
        this.settlements = settlements;
        this.orders = orders;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.events = events;
        this.links = links;
    }

    @Override
    public Set<String> templates() {
        return Set.of("settlement-needed", "settlement-reminder", "settlement-escalated", "invoices-settled");
    }

    @Override
    public Set<String> valuesRead() {
        return Set.of();
    }

    @Override
    @Transactional(noRollbackFor = MailDeliveryException.class)
    public void send(ProcessMail mail) {
        Settlement settlement = settlements.findByProcessInstanceId(mail.processInstanceId()).orElseThrow(() ->
                new IllegalStateException("Instance " + mail.processInstanceId() + " belongs to no settlement"));
        SalesOrder order = orders.findById(settlement.getOrderId()).orElseThrow();
        InvoicedBalance balance = InvoicedBalance.of(invoices.findByOrderIdOrderById(order.getId()));
        Map<String, Object> model = new HashMap<>();
        model.put("orderNumber", order.getOrderNumber());
        model.put("currency", order.getCurrency());
        model.put("oldTotal", SettlementTexts.money(settlement.getOldTotal()));
        model.put("newTotal", SettlementTexts.money(order.getTotal()));
        model.put("invoicedBalance", SettlementTexts.money(balance.balance()));
        model.put("difference", SettlementTexts.signedMoney(balance.differenceTo(order.getTotal())));
        var proposal = SettlementPlan.propose(order.getTotal(), Settlements.open(invoices.findByOrderIdOrderById(
                order.getId())));
        model.put("proposal", SettlementTexts.proposal(proposal, order.getCurrency()));
        model.put("orderUrl", links.order(order.getId()));
        Set<String> users = new HashSet<>();
        Set<String> groups = new HashSet<>(Set.of(Actor.FINANCE));
        switch (mail.template()) {
            case "settlement-needed", "settlement-reminder" -> model.put("actionUrl",
                    links.task(mail.processInstanceId(), order.getId()));
            case "settlement-escalated" -> {
                groups.add(Actor.ADMINS);
                model.put("actionUrl", links.task(mail.processInstanceId(), order.getId()));
            }
            case "invoices-settled" -> {
                users.add(order.getOwner());
                model.put("settledBy", settlement.getSettledBy());
                model.put("documents", documents(settlement));
            }
            default -> throw new IllegalArgumentException("No such settlement email: " + mail.template());
        }
        String eventKey = "settlement-" + mail.processInstanceId() + "-" + mail.template();
        events.publishEvent(new MailEvent(eventKey, order.getId(), null, mail.template(), users, groups, model,
                null));
    }

    /** What the settlement issued: its invoices and credit notes, and the invoices it voided. */
    private List<Map<String, Object>> documents(Settlement settlement) {
        List<String> recorded = settlement.documentNumbers();
        Map<String, Map<String, Object>> byNumber = new HashMap<>();
        invoices.findByOrderIdOrderById(settlement.getOrderId()).forEach(i -> {
            byNumber.put(i.getNumber(), document(i.getNumber(), "INVOICE", SettlementTexts.money(i.getAmount())));
            byNumber.put("VOID " + i.getNumber(), document(i.getNumber(), "VOID", SettlementTexts.money(i.getAmount())));
        });
        creditNotes.findByOrderIdOrderById(settlement.getOrderId()).forEach(c -> byNumber.put(c.getNumber(),
                document(c.getNumber(), "CREDIT_NOTE", SettlementTexts.money(c.getAmount()))));
        return recorded.stream().map(byNumber::get).filter(java.util.Objects::nonNull).toList();
    }

    private static Map<String, Object> document(String number, String kind, String amount) {
        return Map.of("number", number, "kind", kind, "amount", amount);
    }
}
