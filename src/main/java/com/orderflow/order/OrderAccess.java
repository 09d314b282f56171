package com.orderflow.order;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.orderflow.shared.Actor;
import com.orderflow.shared.NotFoundException;

/** Loads an order for an actor, enforcing who may see and who may change it. */
@Component
public class OrderAccess {

    private final SalesOrderRepository orders;

    OrderAccess(SalesOrderRepository orders) {
        this.orders = orders;
    }

    public SalesOrder readable(Long orderId, Actor actor) {
        SalesOrder order = load(orderId);
        if (!actor.canRead(order.getOwner())) {
            throw new AccessDeniedException("Order " + order.getOrderNumber() + " belongs to another sales rep");
        }
        return order;
    }

    public SalesOrder changeable(Long orderId, Actor actor) {
        SalesOrder order = load(orderId);
        if (!actor.canChange(order.getOwner())) {
            throw new AccessDeniedException("You may not change order " + order.getOrderNumber());
        }
        return order;
    }

    private SalesOrder load(Long orderId) {
        return orders.findWithDetailsById(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
    }
}
