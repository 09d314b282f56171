package com.orderflow.order;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.shared.Actor;

/** Reads an order for a screen: the order the actor may read, as {@link OrderDetails}. */
@Service
public class OrderDetailsReader {

    private final OrderAccess access;

    OrderDetailsReader(OrderAccess access) {
        this.access = access;
    }

    @Transactional(readOnly = true)
    public OrderDetails details(Long orderId, Actor actor) {
        return OrderDetails.of(access.readable(orderId, actor), actor);
    }

    /** The order for a screen that changes it: refused (403) to whoever may read but not change it. */
    @Transactional(readOnly = true)
    public OrderDetails changeable(Long orderId, Actor actor) {
        OrderDetails order = details(orderId, actor);
        if (!order.changeable()) {
            throw new AccessDeniedException("You may not change order " + order.orderNumber());
        }
        return order;
    }

    /** Inside a caller's transaction, for an order it already loaded. */
    public OrderDetails details(SalesOrder order, Actor actor) {
        return OrderDetails.of(order, actor);
    }
}
