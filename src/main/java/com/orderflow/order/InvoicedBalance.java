package com.orderflow.order;

import java.math.BigDecimal;
import java.util.List;

/**
 * The one definition of what an order has invoiced: its invoices that are not void, less the credit
 * notes against them. The closing check, the review, the portal, the API and the emails all read it
 * from here ({@link #of} in Java, {@link #SQL} where a query sums many orders at once; the database
 * function behind {@link ClosedOrderFacts} repeats {@link #SQL}, and ClosedOrderFactsTest keeps the two
 * the same).
 */
public record InvoicedBalance(BigDecimal invoiced, BigDecimal credited, BigDecimal balance) {

    /** The balance of the order {@code o} (an alias of sales_order) as an SQL expression. */
    public static final String SQL = "(select coalesce(sum(i.amount - i.credited), 0) from invoice i"
            + " where i.order_id = o.id and i.status <> 'VOID')";

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public static InvoicedBalance of(List<Invoice> invoices) {
        BigDecimal invoiced = ZERO;
        BigDecimal credited = ZERO;
        for (Invoice invoice : invoices) {
            if (invoice.getStatus() != InvoiceStatus.VOID) {
                invoiced = invoiced.add(invoice.getAmount());
                credited = credited.add(invoice.getCredited());
            }
        }
        return new InvoicedBalance(invoiced, credited, invoiced.subtract(credited));
    }

    /** What the order total asks beyond the balance: positive to invoice, negative to credit. */
    public BigDecimal differenceTo(BigDecimal total) {
        return total.subtract(balance);
    }
}
