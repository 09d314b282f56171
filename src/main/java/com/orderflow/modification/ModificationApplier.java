package com.orderflow.modification;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.audit.AuditTrail;
import com.orderflow.order.DeliveryRepository;
import com.orderflow.order.InvoiceRepository;
import com.orderflow.order.OrderChanged;
import com.orderflow.order.OrderSnapshot;
import com.orderflow.order.OrderSnapshots;
import com.orderflow.order.SalesOrder;
import com.orderflow.order.SalesOrderRepository;
import com.orderflow.shared.NotFoundException;

/**
 * Applies an approved request to the order and its related records, in one transaction, only if
 * the order is still at the version the request was based on. Running it again is harmless.
 */
@Service
public class ModificationApplier {

    public static final String APPLIED_BY = "orderflow";

    private final ModificationRequestRepository requests;
    private final SalesOrderRepository orders;
    private final InvoiceRepository invoices;
    private final DeliveryRepository deliveries;
    private final ChangeSets changeSets;
    private final OrderSnapshots snapshots;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModificationApplier(ModificationRequestRepository requests, SalesOrderRepository orders,
            InvoiceRepository invoices, DeliveryRepository deliveries, ChangeSets changeSets,
            OrderSnapshots snapshots, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.orders = orders;
        this.invoices = invoices;
        this.deliveries = deliveries;
        this.changeSets = changeSets;
        this.snapshots = snapshots;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Returns true when the request is applied, false when the order changed meanwhile (a conflict). */
    @Transactional
    public boolean apply(Long requestId) {
        ModificationRequest request = requests.findById(requestId)
                .orElseThrow(() -> new NotFoundException("Modification request", requestId));
        if (request.getStatus() == RequestStatus.APPLIED) {
            return true;
        }
        if (request.getStatus() == RequestStatus.CONFLICT) {
            return false;
        }
        // Whatever moved the instance here (an admin's modification in Cockpit included): only an approved
        // request changes the order. The job fails, and its incident says why.
        if (request.getStatus() != RequestStatus.APPROVED || !request.missingApprovals().isEmpty()) {
            throw new ApprovalRuleException("Request " + requestId + " is " + request.getStatus()
                    + " and is applied only once every group of round " + request.getRound()
                    + " approved it; missing: " + request.missingApprovals());
        }
        SalesOrder order = orders.findWithDetailsById(request.getOrderId()).orElseThrow();
        if (order.getVersion() != request.getBaseVersion()) {
            request.conflicted(clock.instant());
            audit.record(order.getId(), APPLIED_BY, "MODIFICATION_CONFLICT", "request " + requestId
                    + " was based on version " + request.getBaseVersion() + ", order is at " + order.getVersion(),
                    null, null);
            return false;
        }
        OrderSnapshot before = snapshots.of(order);
        ChangeSets.Effects effects = changeSets.apply(order, request.getChanges());
        if (effects.moneyChanged() && order.getTotal().compareTo(before.total()) != 0) {
            invoices.findByOrderIdOrderById(order.getId()).forEach(i -> i.markNeedsReissue(clock.instant()));
        }
        if (effects.deliveryDateChanged()) {
            var date = order.getContract().toTerms().deliveryDate();
            deliveries.findByOrderIdOrderById(order.getId()).forEach(d -> d.reschedule(date));
        }
        int revision = order.nextRevision();
        orders.flush();
        request.applied(revision, clock.instant());
        OrderSnapshot after = snapshots.of(order);
        audit.record(order.getId(), APPLIED_BY, "MODIFICATION_APPLIED", "request " + requestId + " by "
                + request.getRequester() + " as revision " + revision, before, after);
        events.publishEvent(new OrderChanged(order.getId(), revision, request.getRequester(),
                "MODIFICATION_" + request.getReason().name(), requestId, after));
        return true;
    }
}
