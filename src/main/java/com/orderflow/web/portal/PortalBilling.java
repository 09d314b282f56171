package com.orderflow.web.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.orderflow.order.BillingService;
import com.orderflow.order.Invoice;
import com.orderflow.order.InvoicedBalance;
import com.orderflow.settlement.SettlementQueries;
import com.orderflow.settlement.SettlementViews.SettlementView;
import com.orderflow.shared.Actor;

/** The money side of the order page: invoices, the credit notes against them, the balance and an open settlement. */
@Component
class PortalBilling {

    record CreditNoteRow(String number, String invoiceNumber, BigDecimal amount, String reason, String issuedBy,
            Instant issuedAt) {
    }

    /** {@code settlement} is the open one, or null when finance has nothing to settle. */
    record Money(InvoicedBalance balance, List<Invoice> invoices, List<CreditNoteRow> creditNotes,
            SettlementView settlement) {
    }

    private final BillingService billing;
    private final SettlementQueries settlements;

    PortalBilling(BillingService billing, SettlementQueries settlements) {
        this.billing = billing;
        this.settlements = settlements;
    }

    /** Called inside the page's read transaction, after the order was found readable. */
    Money of(Long orderId, Actor actor) {
        List<Invoice> invoices = billing.invoices(orderId, actor);
        Map<Long, String> numbers = invoices.stream().collect(Collectors.toMap(Invoice::getId, Invoice::getNumber));
        List<CreditNoteRow> notes = billing.creditNotes(orderId, actor).stream()
                .map(n -> new CreditNoteRow(n.getNumber(), numbers.getOrDefault(n.getInvoiceId(), ""), n.getAmount(),
                        n.getReason(), n.getIssuedBy(), n.getIssuedAt()))
                .toList();
        SettlementView open = settlements.forOrder(orderId, actor).stream()
                .filter(s -> "OPEN".equals(s.status())).findFirst().orElse(null);
        return new Money(InvoicedBalance.of(invoices), invoices, notes, open);
    }
}
