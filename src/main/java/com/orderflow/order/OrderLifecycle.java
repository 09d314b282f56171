package com.orderflow.order;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.audit.AuditTrail;
import com.orderflow.shared.NotFoundException;

/**
 * Status changes of an order (close, reopen, cancel), each stored as a new revision with its audit
 * event. Called by the closing and reopening processes; idempotent so a retried job is harmless.
 */
@Service
public class OrderLifecycle {

    private final SalesOrderRepository orders;
    private final OrderSnapshots snapshots;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderLifecycle(SalesOrderRepository orders, OrderSnapshots snapshots, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.snapshots = snapshots;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void close(Long orderId, String by) {
        SalesOrder order = load(orderId);
        if (order.getStatus() == OrderStatus.CLOSED) {
            return;
        }
        OrderSnapshot before = snapshots.of(order);
        order.close(by, clock.instant());
        record(order, by, "ORDER_CLOSED", "CLOSED", before);
    }

    @Transactional
    public void reopen(Long orderId, String by) {
        SalesOrder order = load(orderId);
        if (order.getStatus() == OrderStatus.REOPENED) {
            return;
        }
        OrderSnapshot before = snapshots.of(order);
        order.reopen();
        record(order, by, "ORDER_REOPENED", "REOPENED", before);
    }

    @Transactional
    public void cancel(Long orderId, String by) {
        SalesOrder order = load(orderId);
        if (order.getStatus() == OrderStatus.CANCELLED) {
            return;
        }
        OrderSnapshot before = snapshots.of(order);
        order.cancel();
        record(order, by, "ORDER_CANCELLED", "CANCELLED", before);
    }

    private void record(SalesOrder order, String by, String action, String reason, OrderSnapshot before) {
        int revision = order.nextRevision();
        orders.flush();
        OrderSnapshot after = snapshots.of(order);
        audit.record(order.getId(), by, action, "revision " + revision, before, after);
        events.publishEvent(new OrderChanged(order.getId(), revision, by, reason, null, after));
    }

    private SalesOrder load(Long orderId) {
        return orders.findWithDetailsById(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
    }
}
