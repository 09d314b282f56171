package com.orderflow.modification;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.order.OrderChanges;
import com.orderflow.order.SalesOrder;
import com.orderflow.order.SalesOrderRepository;
import com.orderflow.shared.AuditEntry;
import com.orderflow.shared.NotFoundException;

/**
 * Applies an approved request to the order and its related records, in one transaction, only if
 * the order is still at the version the request was based on. Running it again is harmless.
 */
@Service
public class ModificationApplier {

    public static final String APPLIED_BY = "orderflow";

    private static final Logger log = LoggerFactory.getLogger(ModificationApplier.class);

    private final ModificationRequestRepository requests;
    private final SalesOrderRepository orders;
    private final ChangeSets changeSets;
    private final OrderChanges changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModificationApplier(ModificationRequestRepository requests, SalesOrderRepository orders, ChangeSets changeSets,
            OrderChanges changes, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.orders = orders;
        this.changeSets = changeSets;
        this.changes = changes;
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
            events.publishEvent(new AuditEntry(order.getId(), APPLIED_BY, "MODIFICATION_CONFLICT",
                    "request " + requestId
                    + " was based on version " + request.getBaseVersion() + ", order is at " + order.getVersion(),
                    null, null));
            log.warn("Request {} conflicts with order {}: based on version {}, the order is at {}", requestId,
                    order.getOrderNumber(), request.getBaseVersion(), order.getVersion());
            return false;
        }
        OrderChanges.Outcome outcome = changes.change(order, o -> changeSets.apply(o, request.getChanges()),
                OrderChanges.Origin.modification(APPLIED_BY, request.getRequester(), request.getReason().name(),
                        requestId));
        // A request whose values equal the order's now changes nothing: it keeps the revision it is at.
        request.applied(outcome.changed() ? outcome.revision() : order.getRevision(), clock.instant());
        log.info("Applied request {} to order {} as revision {}", requestId, order.getOrderNumber(),
                request.getAppliedRevision());
        return true;
    }
}
