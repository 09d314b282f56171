package com.orderflow.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.orderflow.shared.Actor;

/**
 * An order as the portal's screens show it, read as a plain record (open-in-view is off, so nothing lazy
 * reaches a template). {@code changeable}: the reader may change it and it is not cancelled.
 */
public record OrderDetails(Long id, String orderNumber, String owner, OrderStatus status, SalesStage salesStage,
        String currency, BigDecimal discountPercent, BigDecimal total, int revision, long version,
        Instant createdAt, Instant closedAt, String closedBy, CustomerInfo customer, List<LineItem> lines,
        ContractTerms contract, int contractVersion, boolean changeable) {

    /** The order's own copy of its customer's contact, and the customer's tax id. */
    public record CustomerInfo(String name, String contactPerson, String email, String phone, String address,
            String taxId) {
    }

    static OrderDetails of(SalesOrder o, Actor actor) {
        OrderContact c = o.getContact();
        return new OrderDetails(o.getId(), o.getOrderNumber(), o.getOwner(), o.getStatus(), o.getSalesStage(),
                o.getCurrency(), o.getDiscountPercent(), o.getTotal(), o.getRevision(), o.getVersion(),
                o.getCreatedAt(), o.getClosedAt(), o.getClosedBy(),
                new CustomerInfo(c.name(), c.contactPerson(), c.email(), c.phone(), c.address(),
                        o.getCustomer().getTaxId()),
                o.lineItems(), o.getContract().toTerms(), o.getContract().getContractVersion(),
                actor.canChange(o.getOwner()) && o.getStatus() != OrderStatus.CANCELLED);
    }
}
