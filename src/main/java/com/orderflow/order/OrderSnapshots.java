package com.orderflow.order;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * Builds the snapshot of an order together with its related records. The customer part is the order's
 * own copy of the contact details; only the tax id, which nothing changes, comes from the customer.
 */
@Component
public class OrderSnapshots {

    private final InvoiceRepository invoices;
    private final DeliveryRepository deliveries;

    OrderSnapshots(InvoiceRepository invoices, DeliveryRepository deliveries) {
        this.invoices = invoices;
        this.deliveries = deliveries;
    }

    public OrderSnapshot of(SalesOrder order) {
        OrderContact c = order.getContact();
        return new OrderSnapshot(order.getOrderNumber(), order.getOwner(), order.getStatus(), order.getSalesStage(),
                order.getCurrency(), order.getDiscountPercent(), order.getTotal(),
                new OrderSnapshot.CustomerContact(c.name(), c.contactPerson(), c.email(), c.phone(), c.address(),
                        order.getCustomer().getTaxId()),
                order.lineItems(), order.getContract().toTerms(), order.getContract().getContractVersion(),
                invoices.findByOrderIdOrderById(order.getId()).stream()
                        .map(i -> new OrderSnapshot.InvoiceState(i.getNumber(), i.getAmount(), i.getCredited(),
                                i.getStatus()))
                        .toList(),
                deliveries.findByOrderIdOrderById(order.getId()).stream()
                        .map(OrderSnapshots::stateOf)
                        .toList(),
                order.getClosedAt(), order.getClosedBy());
    }

    private static OrderSnapshot.DeliveryState stateOf(Delivery d) {
        Map<String, Integer> lines = new TreeMap<>();
        d.getLines().forEach(l -> lines.put(l.getSku(), l.getQuantity()));
        return new OrderSnapshot.DeliveryState(d.getId(), d.getType(), d.getScheduledDate(), d.getStatus(), lines);
    }
}
