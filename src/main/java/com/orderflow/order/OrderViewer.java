package com.orderflow.order;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.order.OrderViews.OrderView;

/** The API's view of an order, with its invoiced balance. */
@Component
public class OrderViewer {

    private final InvoiceRepository invoices;

    OrderViewer(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    @Transactional(readOnly = true)
    public OrderView of(SalesOrder order) {
        return OrderView.of(order, InvoicedBalance.of(invoices.findByOrderIdOrderById(order.getId())));
    }
}
