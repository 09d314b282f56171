package com.orderflow.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.audit.AuditTrail;
import com.orderflow.process.MailQueue;

/**
 * The one way an order changes: a direct edit of an open or reopened order and an applied modification
 * request both come here, so both have the same consequences. What followed is decided from the order's
 * state before and after, never from which fields the caller says it touched: a new revision, deliveries
 * in step with the lines and the contract date, issued invoices flagged when the total moved (and the
 * settlement process told), the delivery team emailed, an audit event per consequence.
 */
@Service
public class OrderChanges {

    /** Who made a change and how the history names it. */
    public record Origin(String auditActor, String auditAction, String details, String eventActor,
            String revisionReason, Long requestId) {

        public static Origin directEdit(String userId) {
            return new Origin(userId, "ORDER_EDITED", null, userId, "DIRECT_EDIT", null);
        }

        public static Origin modification(String appliedBy, String requester, String reason, Long requestId) {
            return new Origin(appliedBy, "MODIFICATION_APPLIED", "request " + requestId + " by " + requester,
                    requester, "MODIFICATION_" + reason, requestId);
        }
    }

    /** What a change did; {@code revision} is 0 when nothing changed. */
    public record Outcome(int revision, OrderSnapshot before, OrderSnapshot after) {

        public boolean changed() {
            return revision > 0;
        }
    }

    static final String DELIVERY_MAILS = "deliveryMails";
    static final String DELIVERIES_CHANGED = "deliveries-changed";

    private final SalesOrderRepository orders;
    private final InvoiceRepository invoices;
    private final DeliveryFollower deliveries;
    private final OrderSnapshots snapshots;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MailQueue mailQueue;
    private final Clock clock;

    OrderChanges(SalesOrderRepository orders, InvoiceRepository invoices, DeliveryFollower deliveries,
            OrderSnapshots snapshots, AuditTrail audit, ApplicationEventPublisher events, MailQueue mailQueue,
            Clock clock) {
        this.orders = orders;
        this.invoices = invoices;
        this.deliveries = deliveries;
        this.snapshots = snapshots;
        this.audit = audit;
        this.events = events;
        this.mailQueue = mailQueue;
        this.clock = clock;
    }

    /** Applies {@code edit} to the order and everything that follows from it, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome change(SalesOrder order, Consumer<SalesOrder> edit, Origin origin) {
        OrderSnapshot before = snapshots.of(order);
        edit.accept(order);
        OrderSnapshot edited = snapshots.of(order);
        if (edited.equals(before)) {
            return new Outcome(0, before, before);
        }
        int revision = order.nextRevision();
        orders.flush();
        boolean deliveriesChanged = followDeliveries(order, before, revision, origin);
        boolean invoicesChanged = followInvoices(order, before, revision, origin);
        // The snapshot holds deliveries and invoices too: take it again only when they changed.
        OrderSnapshot after = deliveriesChanged || invoicesChanged ? snapshots.of(order) : edited;
        audit.record(order.getId(), origin.auditActor(), origin.auditAction(),
                origin.details() == null ? "revision " + revision : origin.details() + " as revision " + revision,
                before, after);
        events.publishEvent(new OrderChanged(order.getId(), revision, origin.eventActor(), origin.revisionReason(),
                origin.requestId(), after));
        return new Outcome(revision, before, after);
    }

    private boolean followDeliveries(SalesOrder order, OrderSnapshot before, int revision, Origin origin) {
        boolean dateChanged = !before.contract().deliveryDate().equals(order.getContract().toTerms().deliveryDate());
        if (!dateChanged && DeliveryPlan.ordered(before.lines()).equals(DeliveryPlan.ordered(order.lineItems()))) {
            return false;
        }
        List<DeliveryFollower.Change> changes = deliveries.follow(order, dateChanged);
        if (changes.isEmpty()) {
            return false;
        }
        audit.record(order.getId(), origin.auditActor(), "DELIVERIES_CHANGED", "revision " + revision, null,
                Map.of("changes", changes));
        mailQueue.queueAbout(order.getOrderNumber(), DeliveryMails.about(order.getId(), revision), DELIVERY_MAILS,
                DELIVERIES_CHANGED);
        return true;
    }

    private boolean followInvoices(SalesOrder order, OrderSnapshot before, int revision, Origin origin) {
        BigDecimal oldTotal = before.total();
        if (oldTotal.compareTo(order.getTotal()) == 0) {
            return false;
        }
        List<Invoice> all = invoices.findByOrderIdOrderById(order.getId());
        List<String> flagged = all.stream().filter(i -> i.markNeedsReissue(clock.instant())).map(Invoice::getNumber)
                .toList();
        if (!flagged.isEmpty()) {
            audit.record(order.getId(), origin.auditActor(), "INVOICES_NEED_SETTLEMENT", "revision " + revision
                    + ": " + String.join(", ", flagged), null, null);
        }
        boolean hasInvoices = all.stream().anyMatch(i -> i.getStatus() != InvoiceStatus.VOID);
        events.publishEvent(new OrderTotalChanged(order.getId(), order.getOrderNumber(), revision,
                Objects.requireNonNullElse(origin.eventActor(), origin.auditActor()), oldTotal, order.getTotal(),
                hasInvoices));
        return !flagged.isEmpty();
    }
}
