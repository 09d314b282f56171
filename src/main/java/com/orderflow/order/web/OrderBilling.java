package com.orderflow.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.orderflow.order.BillingService;
import com.orderflow.order.Invoice;
import com.orderflow.order.InvoicedBalance;
import com.orderflow.shared.Actor;

/** The money side of the order page: invoices, the credit notes against them and the balance. */
@Component
class OrderBilling {

    record CreditNoteRow(String number, String invoiceNumber, BigDecimal amount, String reason, String issuedBy,
            Instant issuedAt) {
    }

    record Money(InvoicedBalance balance, List<Invoice> invoices, List<CreditNoteRow> creditNotes) {
    }

    private final BillingService billing;

    OrderBilling(BillingService billing) {
        this.billing = billing;
    }

    /** Called inside the page's read transaction, after the order was found readable. */
    Money of(Long orderId, Actor actor) {
        List<Invoice> invoices = billing.invoices(orderId, actor);
        Map<Long, String> numbers = invoices.stream().collect(Collectors.toMap(Invoice::getId, Invoice::getNumber));
        List<CreditNoteRow> notes = billing.creditNotes(orderId, actor).stream()
                .map(n -> new CreditNoteRow(n.getNumber(), numbers.getOrDefault(n.getInvoiceId(), ""), n.getAmount(),
                        n.getReason(), n.getIssuedBy(), n.getIssuedAt()))
                .toList();
        return new Money(InvoicedBalance.of(invoices), invoices, notes);
    }
}
