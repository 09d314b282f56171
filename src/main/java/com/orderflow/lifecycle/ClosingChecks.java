package com.orderflow.lifecycle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.order.Delivery;
import com.orderflow.order.DeliveryPlan;
import com.orderflow.order.DeliveryRepository;
import com.orderflow.order.DeliveryType;
import com.orderflow.order.Invoice;
import com.orderflow.order.InvoiceRepository;
import com.orderflow.order.InvoiceStatus;
import com.orderflow.order.InvoicedBalance;
import com.orderflow.order.SalesOrder;
import com.orderflow.order.SalesOrderRepository;
import com.orderflow.shared.NotFoundException;

/**
 * What must be true before an order is closed: it is still open; every delivery and return is done and,
 * for every SKU, what was delivered less what came back is what is ordered; the invoiced balance
 * ({@link InvoicedBalance}) is the order total, and no invoice waits for finance to settle it. Each
 * failed check is one line the owner reads in the fix-before-closing form.
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
        SalesOrder order = orders.findWithDetailsById(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
        List<String> failed = new ArrayList<>();
        if (!order.getStatus().isEditable()) {
            failed.add("订单状态 / Status: the order is " + order.getStatus()
                    + ", only OPEN or REOPENED orders close");
        }
        checkDeliveries(order, deliveries.findByOrderIdOrderById(orderId), failed);
        checkInvoices(order, invoices.findByOrderIdOrderById(orderId), failed);
        return failed;
    }

    private static void checkDeliveries(SalesOrder order, List<Delivery> all, List<String> failed) {
        if (all.isEmpty()) {
            failed.add("交付 / Delivery: no delivery is recorded for this order");
        }
        for (Delivery d : all) {
            if (!d.getStatus().isDone()) {
                String kind = d.getType() == DeliveryType.RETURN ? "退货 / Return " : "交付 / Delivery ";
                failed.add(kind + d.getId() + " (scheduled " + d.getScheduledDate() + ") is " + d.getStatus()
                        + ", not DELIVERED");
            }
        }
        for (DeliveryPlan.Position p : DeliveryPlan.positions(DeliveryPlan.ordered(order.lineItems()), all)) {
            if (p.withCustomer() != p.ordered()) {
                failed.add("交付 / Goods: " + p.sku() + " ordered " + p.ordered() + ", delivered " + p.delivered()
                        + ", returned " + p.returned());
            }
        }
    }

    private static void checkInvoices(SalesOrder order, List<Invoice> all, List<String> failed) {
        InvoicedBalance balance = InvoicedBalance.of(all);
        BigDecimal difference = balance.differenceTo(order.getTotal());
        String currency = " " + order.getCurrency();
        if (difference.signum() != 0) {
            String what = difference.signum() > 0
                    ? "short by " + difference.toPlainString() + currency + " (to invoice)"
                    : "exceeds it by " + difference.negate().toPlainString() + currency + " (to credit)";
            failed.add("发票 / Invoices: the invoiced balance is " + balance.balance().toPlainString() + currency
                    + ", the order total is " + order.getTotal().toPlainString() + currency + ": the balance " + what);
        }
        List<String> waiting = all.stream().filter(i -> i.getStatus() == InvoiceStatus.NEEDS_REISSUE)
                .map(Invoice::getNumber).toList();
        if (!waiting.isEmpty()) {
            failed.add("发票 / Invoices waiting for finance to settle them: " + String.join(", ", waiting));
        }
    }
}
