package com.orderflow.report;

import static com.orderflow.report.PdfBlocks.fact;
import static com.orderflow.report.PdfBlocks.money;
import static com.orderflow.report.PdfBlocks.time;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/** Lays out an invoice or a credit note as an A4 PDF. Labels are English with the Chinese term. */
@Component
class BillingPdfWriter {

    byte[] document(BillingDocumentData data) {
        boolean credit = data.isCreditNote();
        String kind = credit ? "Credit note" : "Invoice";
        return PdfBlocks.render(kind + " " + data.documentNumber(), pdf -> {
            pdf.title((credit ? "Credit note (贷项通知单) " : "Invoice (发票) ") + data.documentNumber());
            pdf.facts(facts(data));
            pdf.heading("Order balance (订单余额)");
            pdf.facts(List.of(
                    fact("Order total (订单总额)", money(data.orderTotal(), data.currency())),
                    fact("Invoiced balance after (开具后已开票余额)",
                            money(data.invoicedBalanceAfter(), data.currency()))));
            // Says how the balance is counted, so a reader need not guess whether credit notes are in it.
            pdf.note("Invoiced balance: invoices not voided, less the credit notes on them "
                    + "(已开票余额 = 未作废发票 - 贷项通知单).");
        });
    }

    private static List<String[]> facts(BillingDocumentData data) {
        List<String[]> facts = new ArrayList<>();
        if (data.isCreditNote()) {
            facts.add(fact("Credit note number (贷项通知单号)", data.documentNumber()));
            facts.add(fact("Credited invoice (被冲减发票)", data.creditedInvoiceNumber()));
        } else {
            facts.add(fact("Invoice number (发票号)", data.documentNumber()));
        }
        facts.add(fact("Order number (订单号)", data.orderNumber()));
        facts.add(fact("Customer (客户)", data.customerName()));
        facts.add(fact("Amount (金额)", money(data.amount(), data.currency())));
        facts.add(fact("Reason (原因)", data.reason()));
        facts.add(fact("Issued by (开具人)", data.issuedBy()));
        facts.add(fact("Issued at (开具时间)", time(data.issuedAt())));
        return facts;
    }
}
