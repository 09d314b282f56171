package com.orderflow.report;

import org.springframework.stereotype.Component;

import com.orderflow.order.OrderAccess;
import com.orderflow.shared.Actor;

/**
 * Who may read a report, for the API and for emails alike: a report of an order (modification, closing,
 * invoice, credit note) is as visible as the order; one of no order (the periodic review covers every
 * closed order) only to those who oversee all of them. The rule follows the owner, never the type, so a
 * new report type of an order needs nothing here.
 */
@Component
class ReportReaders {

    private final OrderAccess access;

    ReportReaders(OrderAccess access) {
        this.access = access;
    }

    boolean mayRead(Report report, Actor actor) {
        return mayRead(report.getOrderId(), actor);
    }

    /** For a report of this order (null: of no order). */
    boolean mayRead(Long orderId, Actor actor) {
        if (orderId != null) {
            return access.mayRead(orderId, actor);
        }
        return actor.isMemberOf(Actor.SALES_MANAGERS) || actor.isMemberOf(Actor.ADMINS);
    }
}
