package com.orderflow.report;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.orderflow.order.BillingDocumentIssued;
import com.orderflow.order.CreditNote;
import com.orderflow.order.CreditNoteRepository;
import com.orderflow.order.Invoice;
import com.orderflow.order.InvoiceRepository;
import com.orderflow.order.InvoicedBalance;
import com.orderflow.order.SalesOrder;
import com.orderflow.order.SalesOrderRepository;

/**
 * Writes the PDF of every invoice and credit note as it is issued, in the issuing transaction: a
 * document is never issued without its PDF, nor the other way round.
 */
@Component
class BillingDocuments {

    private final ReportService reports;
    private final SalesOrderRepository orders;
    private final InvoiceRepository invoices;
    private final CreditNoteRepository creditNotes;

    BillingDocuments(ReportService reports, SalesOrderRepository orders, InvoiceRepository invoices,
            CreditNoteRepository creditNotes) {
        this.reports = reports;
        this.orders = orders;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
    }

    @EventListener
    void on(BillingDocumentIssued issued) {
        SalesOrder order = orders.findById(issued.orderId()).orElseThrow();
        var balance = InvoicedBalance.of(invoices.findByOrderIdOrderById(order.getId())).balance();
        BillingDocumentData data = switch (issued.kind()) {
            case INVOICE -> {
                Invoice i = invoices.findById(issued.documentId()).orElseThrow();
                yield new BillingDocumentData(ReportType.INVOICE, order.getId(), order.getOrderNumber(),
                        order.getContact().name(), i.getNumber(), null, i.getAmount(), i.getCurrency(), i.getReason(),
                        i.getIssuedBy(), i.getIssuedAt(), order.getTotal(), balance);
            }
            case CREDIT_NOTE -> {
                CreditNote c = creditNotes.findById(issued.documentId()).orElseThrow();
                String invoiceNumber = invoices.findById(c.getInvoiceId()).orElseThrow().getNumber();
                yield new BillingDocumentData(ReportType.CREDIT_NOTE, order.getId(), order.getOrderNumber(),
                        order.getContact().name(), c.getNumber(), invoiceNumber, c.getAmount(), c.getCurrency(),
                        c.getReason(), c.getIssuedBy(), c.getIssuedAt(), order.getTotal(), balance);
            }
        };
        reports.storeBillingDocument(data);
    }
}
