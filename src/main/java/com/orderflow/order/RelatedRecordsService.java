package com.orderflow.order;

import java.time.Clock;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.audit.AuditTrail;
import com.orderflow.shared.Actor;
import com.orderflow.shared.NotFoundException;

/**
 * Deliveries and invoices of an order: the records a change of the order must keep in step.
 * They are separate aggregates, so recording them does not move the order's version
 * (a pending modification request stays valid).
 */
@Service
public class RelatedRecordsService {

    private final OrderAccess access;
    private final DeliveryRepository deliveries;
    private final InvoiceRepository invoices;
    private final AuditTrail audit;
    private final Clock clock;

    RelatedRecordsService(OrderAccess access, DeliveryRepository deliveries, InvoiceRepository invoices,
            AuditTrail audit, Clock clock) {
        this.access = access;
        this.deliveries = deliveries;
        this.invoices = invoices;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Delivery> deliveries(Long orderId, Actor actor) {
        access.readable(orderId, actor);
        return deliveries.findByOrderIdOrderById(orderId);
    }

    @Transactional
    public Delivery markDelivered(Long orderId, Long deliveryId, Actor actor) {
        access.changeable(orderId, actor);
        Delivery delivery = deliveries.findByIdAndOrderId(deliveryId, orderId)
                .orElseThrow(() -> new NotFoundException("Delivery", deliveryId));
        delivery.markDelivered(clock.instant());
        audit.record(orderId, actor.userId(), "DELIVERY_DELIVERED", "delivery " + deliveryId, null, null);
        return delivery;
    }

    @Transactional(readOnly = true)
    public List<Invoice> invoices(Long orderId, Actor actor) {
        access.readable(orderId, actor);
        return invoices.findByOrderIdOrderById(orderId);
    }

    @Transactional
    public Invoice issueInvoice(Long orderId, OrderRequests.IssueInvoice request, Actor actor) {
        SalesOrder order = access.readable(orderId, actor);
        if (!actor.canInvoice(order.getOwner())) {
            throw new AccessDeniedException("You may not invoice order " + order.getOrderNumber());
        }
        if (order.getStatus() == OrderStatus.CANCELLED) {
            throw new OrderStateException("Order " + order.getOrderNumber() + " is cancelled");
        }
        String number = order.getOrderNumber().replace("SO-", "INV-") + "-"
                + (invoices.findByOrderIdOrderById(orderId).size() + 1);
        Invoice invoice = invoices.save(new Invoice(orderId, number, request.amount(), clock.instant()));
        audit.record(orderId, actor.userId(), "INVOICE_ISSUED", number, null, OrderViews.InvoiceView.of(invoice));
        return invoice;
    }
}
