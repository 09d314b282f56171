package com.orderflow.modification;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.order.SalesOrder;
import com.orderflow.order.SalesOrderRepository;
import com.orderflow.process.ActingUser;
import com.orderflow.shared.AuditEntry;
import com.orderflow.shared.NotFoundException;

/**
 * The steps of the order-modification process that change a request, callable from delegates and
 * tests alike. Every step is idempotent, because a job may run again after a failure.
 */
@Service
public class ModificationWorkflow {

    private final ModificationRequestRepository requests;
    private final SalesOrderRepository orders;
    private final ChangeSets changeSets;
    private final ChangeTexts texts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModificationWorkflow(ModificationRequestRepository requests, SalesOrderRepository orders, ChangeSets changeSets,
            ChangeTexts texts, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.orders = orders;
        this.changeSets = changeSets;
        this.texts = texts;
        this.events = events;
        this.clock = clock;
    }

    /** The inputs of the approval rules and what the approval form shows, for the current round. */
    @Transactional
    public Map<String, Object> approvalRoundVariables(Long requestId) {
        ModificationRequest request = load(requestId);
        SalesOrder order = orders.findWithDetailsById(request.getOrderId()).orElseThrow();
        if (request.getStatus() == RequestStatus.REJECTED || request.getStatus() == RequestStatus.CONFLICT) {
            rebase(request, order);
        }
        BigDecimal totalAfter = changeSets.totalAfter(order, request.getChanges());
        BigDecimal discountAfter = request.getChanges().stream()
                .filter(c -> c.getField().equals(OrderField.DISCOUNT_PERCENT.path())).findFirst()
                .map(c -> (BigDecimal) changeSets.read(OrderField.DISCOUNT_PERCENT, c.getNewValue()))
                .orElse(order.getDiscountPercent());
        List<String> changed = request.getChanges().stream().map(FieldChange::getField).toList();
        Map<String, Object> variables = ApprovalInputs.of(order.getStatus(), order.getTotal(), totalAfter,
                discountAfter, changed, request.getReason()).variables();
        variables.put(ModificationProcess.REASON_LABEL, request.getReason().label());
        variables.put(ModificationProcess.DESCRIPTION, request.getDescription());
        // Readable in both languages: Tasklist shows one text to every approver.
        variables.put(ModificationProcess.CHANGE_SUMMARY, texts.bilingualSummary(request.getChanges(),
                order.getCurrency()));
        variables.put(ModificationProcess.ROUND, request.getRound());
        variables.put(ModificationProcess.ANY_REJECTED, false);
        return variables;
    }

    /** The DMN may name a group twice (COLLECT); each group approves once. */
    @Transactional
    public List<String> requireApprovals(Long requestId, List<String> groups) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(groups));
        load(requestId).requireApprovals(distinct, clock.instant());
        return distinct;
    }

    @Transactional
    public void recordDecision(Long requestId, String group, ActingUser approver, boolean approved, String comment) {
        ModificationRequest request = load(requestId);
        String user = approver.userId();
        request.recordDecision(group, user, approver.groups(), approved, comment, clock.instant());
        events.publishEvent(new AuditEntry(request.getOrderId(), user,
                approved ? "MODIFICATION_APPROVED" : "MODIFICATION_REJECTED",
                "request " + requestId + " for " + group + (comment == null ? "" : ": " + comment), null, null));
    }

    /** Idempotent once approved; otherwise approves only what the request's approvals allow. */
    @Transactional
    public void markApproved(Long requestId) {
        ModificationRequest request = load(requestId);
        if (request.getStatus() != RequestStatus.APPROVED && request.getStatus() != RequestStatus.APPLIED) {
            request.approve(clock.instant());
        }
    }

    /** Ends a request whose requester chose not to resubmit (in Tasklist or through the API). */
    @Transactional
    public void markWithdrawn(Long requestId) {
        ModificationRequest request = load(requestId);
        if (request.getStatus().isOpen()) {
            request.withdraw(clock.instant());
            events.publishEvent(new AuditEntry(request.getOrderId(), request.getRequester(), "MODIFICATION_WITHDRAWN",
                    "request " + requestId, null, null));
        }
    }

    @Transactional(readOnly = true)
    public ModificationRequest find(Long requestId) {
        ModificationRequest request = load(requestId);
        request.getChanges().size();
        request.getApprovals().size();
        return request;
    }

    /** Resubmitted in Tasklist without new values: the same new values, against the order as it is now. */
    private void rebase(ModificationRequest request, SalesOrder order) {
        List<FieldChange> rebased = request.getChanges().stream()
                .map(c -> new FieldChange(c.getField(),
                        changeSets.write(OrderField.byPath(c.getField()).orElseThrow().read(order)), c.getNewValue()))
                .filter(c -> !c.getOldValue().equals(c.getNewValue()))
                .toList();
        request.resubmit(rebased.isEmpty() ? List.copyOf(request.getChanges()) : rebased, order.getVersion(), null,
                clock.instant());
        events.publishEvent(new AuditEntry(order.getId(), request.getRequester(), "MODIFICATION_RESUBMITTED",
                "request " + request.getId() + " round " + request.getRound(), null, null));
    }

    private ModificationRequest load(Long requestId) {
        return requests.findById(requestId).orElseThrow(() -> new NotFoundException("Modification request",
                requestId));
    }
}
