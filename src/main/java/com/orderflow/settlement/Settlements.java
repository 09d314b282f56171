package com.orderflow.settlement;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.order.BillingService;
import com.orderflow.order.Invoice;
import com.orderflow.order.InvoiceStatus;
import com.orderflow.order.InvoicesChangedDirectly;
import com.orderflow.order.OrderTotalChanged;
import com.orderflow.order.SalesOrder;
import com.orderflow.order.SalesOrderRepository;
import com.orderflow.process.AsSystem;
import com.orderflow.shared.AuditEntry;

/**
 * Opens a settlement when a change moves the total of an order with invoices, and settles it when
 * finance completes the {@code settle-invoices} task: the documents are issued, the flagged invoices
 * stand again, all in the completing transaction.
 */
@Service
class Settlements {

    static final String ACTION = "settlementAction";
    static final String AMOUNT = "settlementAmount";
    static final String NOTE = "settlementNote";

    private final SettlementRepository settlements;
    private final SalesOrderRepository orders;
    private final BillingService billing;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Settlements(SettlementRepository settlements, SalesOrderRepository orders, BillingService billing,
            RuntimeService runtime, IdentityService identity, ApplicationEventPublisher events, Clock clock) {
        this.settlements = settlements;
        this.orders = orders;
        this.billing = billing;
        this.runtime = runtime;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    /** In the change's transaction: a second change while finance is at it moves the open settlement. */
    @EventListener
    @Transactional
    public void on(OrderTotalChanged changed) {
        var open = settlements.lockOpenOf(changed.orderId());
        if (open.isEmpty() && !changed.hasInvoices()) {
            return;
        }
        Settlement settlement = open.orElseGet(() -> settlements.saveAndFlush(new Settlement(changed.orderId(),
                changed.oldTotal(), changed.newTotal(), currencyOf(changed.orderId()), changed.actor(),
                clock.instant())));
        settlement.totalMovedTo(changed.newTotal());
        Map<String, Object> variables = variables(settlement, changed.orderNumber());
        if (open.isPresent() && isRunning(settlement.getProcessInstanceId())) {
            AsSystem.run(identity, () -> runtime.setVariables(settlement.getProcessInstanceId(), variables));
            events.publishEvent(new AuditEntry(changed.orderId(), changed.actor(), "SETTLEMENT_UPDATED",
                    "settlement " + settlement.getId()
                    + ": new total " + changed.newTotal().toPlainString(), null, null));
            return;
        }
        // orderflow starts the process itself (again, should an admin have ended it in Cockpit); its start
        // is asynchronous, so the link is stored before any step runs.
        String instanceId = AsSystem.call(identity, () -> runtime.startProcessInstanceByKey(
                SettlementProcess.KEY, changed.orderNumber(), variables).getId());
        settlement.startedAs(instanceId);
        events.publishEvent(new AuditEntry(changed.orderId(), changed.actor(), "SETTLEMENT_OPENED",
                "settlement " + settlement.getId()
                + ": total " + settlement.getOldTotal().toPlainString() + " -> " + changed.newTotal().toPlainString(),
                null, null));
    }

    private boolean isRunning(String processInstanceId) {
        // As the system: the user whose change this is may not see the settlement's instance.
        return processInstanceId != null && AsSystem.call(identity,
                () -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0);
    }

    /**
     * Finance issued, credited or voided a document directly: once the balance is the order's total, the
     * open settlement is done (its task ends, the flagged invoices stand); until then its task shows the
     * new figures.
     */
    @EventListener
    @Transactional
    public void on(InvoicesChangedDirectly changed) {
        var open = settlements.lockOpenOf(changed.orderId());
        SalesOrder order = orders.findById(changed.orderId()).orElseThrow();
        List<Invoice> invoices = billing.lockInvoicesOf(order.getId());
        boolean balanced = SettlementPlan.balance(open(invoices)).compareTo(order.getTotal()) == 0;
        if (open.isEmpty()) {
            // Invoices flagged before settlements existed have none: they stand once the balance is right.
            if (balanced && !billing.settled(invoices).isEmpty()) {
                events.publishEvent(new AuditEntry(order.getId(), changed.actor(), "INVOICES_SETTLED",
                        "by " + changed.document() + ", issued directly", null, null));
            }
            return;
        }
        Settlement settlement = open.get();
        if (!balanced) {
            if (isRunning(settlement.getProcessInstanceId())) {
                Map<String, Object> variables = variables(settlement, order.getOrderNumber());
                AsSystem.run(identity, () -> runtime.setVariables(settlement.getProcessInstanceId(), variables));
            }
            return;
        }
        List<String> standing = billing.settled(invoices);
        settlement.settled(SettlementPlan.Action.NONE, "", changed.actor(), clock.instant());
        if (isRunning(settlement.getProcessInstanceId())) {
            AsSystem.run(identity, () -> runtime.deleteProcessInstance(settlement.getProcessInstanceId(),
                    "Settled by " + changed.document() + ", issued directly by " + changed.actor()));
        }
        events.publishEvent(new AuditEntry(order.getId(), changed.actor(), "INVOICES_SETTLED",
                "settlement " + settlement.getId()
                + " by " + changed.document() + ", issued directly" + (standing.isEmpty() ? ""
                        : "; standing: " + String.join(", ", standing)), null, null));
    }

    /**
     * Issues the documents finance chose (the proposal when they changed nothing) for the settlement of
     * this instance; refuses documents that do not bring the balance to the order's total now.
     */
    @Transactional
    public List<String> settle(String processInstanceId, SettlementPlan.Action action, BigDecimal amount,
            String note, String by) {
        Settlement settlement = settlements.lockByProcessInstanceId(processInstanceId).orElseThrow(() ->
                new IllegalStateException("Instance " + processInstanceId + " belongs to no settlement"));
        SalesOrder order = orders.findById(settlement.getOrderId()).orElseThrow();
        List<Invoice> invoices = billing.lockInvoicesOf(order.getId());
        var plan = SettlementPlan.documents(action, amount, order.getTotal(), open(invoices));
        String reason = note == null || note.isBlank()
                ? "结算 / Settlement of " + order.getOrderNumber() + " (total " + settlement.getOldTotal().toPlainString()
                        + " -> " + order.getTotal().toPlainString() + ")"
                : note.strip();
        settlement.totalMovedTo(order.getTotal());
        List<String> issued = issue(order, invoices, plan, reason, by, settlement.getId());
        List<String> standing = billing.settled(invoices);
        settlement.settled(action, String.join(", ", issued), by, clock.instant());
        events.publishEvent(new AuditEntry(order.getId(), by, "INVOICES_SETTLED",
                "settlement " + settlement.getId() + " (" + action
                + "): " + (issued.isEmpty() ? "no documents" : String.join(", ", issued))
                + (standing.isEmpty() ? "" : "; standing: " + String.join(", ", standing)), null, null));
        return issued;
    }

    private List<String> issue(SalesOrder order, List<Invoice> invoices, List<SettlementPlan.Document> plan,
            String reason, String by, Long settlementId) {
        Map<Long, Invoice> byId = new HashMap<>();
        invoices.forEach(i -> byId.put(i.getId(), i));
        List<String> issued = new ArrayList<>();
        for (SettlementPlan.Document document : plan) {
            switch (document.kind()) {
                case VOID -> issued.add("VOID " + billing.voidInvoice(byId.get(document.invoiceId()), reason, by)
                        .getNumber());
                case CREDIT_NOTE -> issued.add(billing.credit(byId.get(document.invoiceId()), document.amount(),
                        reason, by, settlementId).getNumber());
                case INVOICE -> issued.add(billing.issue(order, document.amount(), reason, by, settlementId)
                        .getNumber());
            }
        }
        return issued;
    }

    /** Display copies for the form, Tasklist and Cockpit; the steps read the settlement row, never these. */
    private Map<String, Object> variables(Settlement settlement, String orderNumber) {
        List<SettlementPlan.OpenInvoice> open = open(billing.lockInvoicesOf(settlement.getOrderId()));
        BigDecimal balance = SettlementPlan.balance(open);
        var proposal = SettlementPlan.propose(settlement.getNewTotal(), open);
        Map<String, Object> variables = new HashMap<>();
        variables.put(SettlementProcess.SETTLEMENT_ID, settlement.getId());
        variables.put(SettlementProcess.ORDER_ID, settlement.getOrderId());
        variables.put(SettlementProcess.ORDER_NUMBER, orderNumber);
        variables.put("currency", settlement.getCurrency());
        variables.put("oldTotal", SettlementTexts.money(settlement.getOldTotal()));
        variables.put("newTotal", SettlementTexts.money(settlement.getNewTotal()));
        variables.put("invoicedBalance", SettlementTexts.money(balance));
        variables.put("difference", SettlementTexts.signedMoney(settlement.getNewTotal().subtract(balance)));
        variables.put("proposal", SettlementTexts.proposal(proposal, settlement.getCurrency()));
        variables.put(ACTION, proposal.action().name());
        variables.put(AMOUNT, proposal.action() == SettlementPlan.Action.VOID_AND_REISSUE
                ? settlement.getNewTotal().toPlainString() : proposal.amount().toPlainString());
        return variables;
    }

    static List<SettlementPlan.OpenInvoice> open(List<Invoice> invoices) {
        return invoices.stream().filter(i -> i.getStatus() != InvoiceStatus.VOID)
                .map(i -> new SettlementPlan.OpenInvoice(i.getId(), i.getNumber(), i.remaining(),
                        i.getCredited().signum() > 0))
                .toList();
    }

    private String currencyOf(Long orderId) {
        return orders.findById(orderId).orElseThrow().getCurrency();
    }
}
