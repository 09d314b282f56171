package com.orderflow.order;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.orderflow.shared.Actor;
import com.orderflow.shared.NotFoundException;

/**
 * Loads an order for an actor, enforcing who may see and who may change it. An order the actor may not
 * see does not exist for them (404, the same answer as an unknown id, so ids cannot be probed); one they
 * see but may not change answers 403.
 */
@Component
public class OrderAccess {

    private final SalesOrderRepository orders;

    OrderAccess(SalesOrderRepository orders) {
        this.orders = orders;
    }

    public SalesOrder readable(Long orderId, Actor actor) {
        SalesOrder order = load(orderId);
        if (!actor.canRead(order.getOwner())) {
            throw new NotFoundException("Order", orderId);
        }
        return order;
    }

    /**
     * Answers as {@link #readable} does, reading only the order's owner: for the calls that read what hangs
     * off an order (its revisions, audit, invoices, deliveries, requests). The order page makes five of
     * them, each of which loaded the order with its customer, contract and lines before.
     */
    public void checkReadable(Long orderId, Actor actor) {
        if (!mayRead(orderId, actor)) {
            throw new NotFoundException("Order", orderId);
        }
    }

    public SalesOrder changeable(Long orderId, Actor actor) {
        SalesOrder order = readable(orderId, actor);
        if (!actor.canChange(order.getOwner())) {
            throw new AccessDeniedException("You may not change order " + order.getOrderNumber());
        }
        return order;
    }

    /** Whether the actor may read the order (false for an unknown one), without loading its details. */
    public boolean mayRead(Long orderId, Actor actor) {
        return orders.findOwnerById(orderId).map(actor::canRead).orElse(false);
    }

    private SalesOrder load(Long orderId) {
        return orders.findWithDetailsById(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
    }
}
