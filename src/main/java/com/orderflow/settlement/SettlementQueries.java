package com.orderflow.settlement;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.order.InvoiceRepository;
import com.orderflow.order.OrderAccess;
import com.orderflow.order.SalesOrder;
import com.orderflow.settlement.SettlementViews.SettlementView;
import com.orderflow.shared.Actor;
import com.orderflow.shared.NotFoundException;

/** Reads settlements with the figures their settle task shows, computed now from the order's records. */
@Service
public class SettlementQueries {

    private final SettlementRepository settlements;
    private final OrderAccess access;
    private final InvoiceRepository invoices;
    private final TaskService tasks;

    SettlementQueries(SettlementRepository settlements, OrderAccess access, InvoiceRepository invoices,
            TaskService tasks) {
        this.settlements = settlements;
        this.access = access;
        this.invoices = invoices;
        this.tasks = tasks;
    }

    @Transactional(readOnly = true)
    public List<SettlementView> forOrder(Long orderId, Actor actor) {
        access.checkReadable(orderId, actor);
        List<Settlement> found = settlements.findByOrderIdOrderByIdDesc(orderId);
        if (found.isEmpty()) {
            // Most orders never had one: the order with its lines is read only for a view to show.
            return List.of();
        }
        SalesOrder order = access.readable(orderId, actor);
        return found.stream().map(s -> view(s, order)).toList();
    }

    @Transactional(readOnly = true)
    public SettlementView find(Long id, Actor actor) {
        Settlement settlement = settlements.findById(id).orElseThrow(() -> new NotFoundException("Settlement", id));
        if (!access.mayRead(settlement.getOrderId(), actor)) {
            throw new NotFoundException("Settlement", id);
        }
        return view(settlement, access.readable(settlement.getOrderId(), actor));
    }

    private SettlementView view(Settlement s, SalesOrder order) {
        var open = Settlements.open(invoices.findByOrderIdOrderById(order.getId()));
        BigDecimal balance = SettlementPlan.balance(open);
        boolean isOpen = s.getStatus() == Settlement.Status.OPEN;
        BigDecimal newTotal = isOpen ? order.getTotal() : s.getNewTotal();
        var proposal = SettlementPlan.propose(newTotal, open);
        Task task = isOpen && s.getProcessInstanceId() != null ? tasks.createTaskQuery()
                .processInstanceId(s.getProcessInstanceId()).taskDefinitionKey(SettlementProcess.SETTLE_INVOICES_TASK)
                .singleResult() : null;
        List<String> documents = s.documentNumbers();
        return new SettlementView(s.getId(), order.getId(), order.getOrderNumber(), s.getStatus().name(),
                s.getCurrency(), s.getOldTotal(), newTotal, balance, newTotal.subtract(balance),
                isOpen ? proposal.action().name() : null, isOpen ? proposal.amount() : null,
                isOpen ? SettlementTexts.proposal(proposal, s.getCurrency()) : null, task == null ? null : task.getId(),
                s.getOpenedAt(), s.getOpenedBy(), s.getSettledAt(), s.getSettledBy(),
                s.getAction() == null ? null : s.getAction().name(), documents);
    }
}
