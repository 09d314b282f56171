package com.orderflow.closing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.order.Delivery;
import com.orderflow.order.DeliveryRepository;
import com.orderflow.order.DeliveryStatus;
import com.orderflow.order.Invoice;
import com.orderflow.order.InvoiceRepository;
import com.orderflow.order.InvoiceStatus;
import com.orderflow.order.SalesOrder;
import com.orderflow.order.SalesOrderRepository;
import com.orderflow.shared.NotFoundException;

/**
 * What must be true before an order is closed: it is still open, every delivery is DELIVERED, and the
 * ISSUED invoices add up to the order total (invoices that NEED_REISSUE or are VOID do not count).
 * Each failed check is one line the owner reads in the fix-before-closing form.
 */
@Component
class ClosingChecks {

    private final SalesOrderRepository orders;
    private final DeliveryRepository deliveries;
    private final InvoiceRepository invoices;

    ClosingChecks(SalesOrderRepository orders, DeliveryRepository deliveries, InvoiceRepository invoices) {
        this.orders = orders;
        this.deliveries = deliveries;
        this.invoices = invoices;
    }

    /** The failed checks, empty when the order may be closed. */
    @Transactional
    List<String> failures(Long orderId) {
        SalesOrder order = orders.findById(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
        List<String> failed = new ArrayList<>();
        if (!order.getStatus().isEditable()) {
            failed.add("订单状态 / Status: the order is " + order.getStatus()
                    + ", only OPEN or REOPENED orders close");
        }
        checkDeliveries(deliveries.findByOrderIdOrderById(orderId), failed);
        checkInvoices(order, invoices.findByOrderIdOrderById(orderId), failed);
        return failed;
    }

    private static void checkDeliveries(List<Delivery> all, List<String> failed) {
        if (all.isEmpty()) {
            failed.add("交付 / Delivery: no delivery is recorded for this order");
        }
        for (Delivery d : all) {
            if (d.getStatus() != DeliveryStatus.DELIVERED) {
                failed.add("交付 / Delivery " + d.getId() + " (scheduled " + d.getScheduledDate() + ") is "
                        + d.getStatus() + ", not DELIVERED");
            }
        }
    }

    private static void checkInvoices(SalesOrder order, List<Invoice> all, List<String> failed) {
        BigDecimal issued = all.stream().filter(i -> i.getStatus() == InvoiceStatus.ISSUED).map(Invoice::getAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (issued.compareTo(order.getTotal()) != 0) {
            failed.add("发票 / Invoices: issued invoices sum to " + issued.toPlainString() + " " + order.getCurrency()
                    + ", the order total is " + order.getTotal().toPlainString() + " " + order.getCurrency());
        }
        List<String> notCounted = all.stream().filter(i -> i.getStatus() != InvoiceStatus.ISSUED)
                .map(i -> i.getNumber() + " " + i.getStatus()).toList();
        if (!notCounted.isEmpty() && issued.compareTo(order.getTotal()) != 0) {
            failed.add("发票 / Invoices not counted (reissue or void): " + String.join(", ", notCounted));
        }
    }
}
