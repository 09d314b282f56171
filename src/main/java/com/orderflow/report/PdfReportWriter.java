package com.orderflow.report;

import static com.orderflow.report.PdfBlocks.fact;
import static com.orderflow.report.PdfBlocks.money;
import static com.orderflow.report.PdfBlocks.time;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.orderflow.report.ClosingReportData.InvoiceRow;
import com.orderflow.report.ClosingReportData.LineRow;
import com.orderflow.report.ModificationReportData.ApprovalRow;
import com.orderflow.report.ModificationReportData.ChangeRow;

/** Lays out the modification and closing reports as A4 PDFs. Labels are English with the Chinese term. */
@Component
class PdfReportWriter {

    byte[] modification(ModificationReportData data) {
        return PdfBlocks.render("Modification report " + data.orderNumber(), pdf -> {
            pdf.title("Modification report (结单修改) " + data.orderNumber());
            pdf.facts(List.of(
                    fact("Order number (订单号)", data.orderNumber()),
                    fact("Customer (客户)", data.customerName()),
                    fact("Requester (申请人)", data.requester()),
                    fact("Reason (原因)", data.reason()),
                    fact("Description (说明)", data.description()),
                    fact("Requested at", time(data.requestedAt())),
                    fact("Applied at", time(data.appliedAt())),
                    fact("Revision (版本)", data.revisionBefore() + " -> " + data.revisionAfter()),
                    fact("Request id", String.valueOf(data.requestId()))));
            pdf.heading("Field changes (字段变更)");
            changes(pdf, data.changes());
            pdf.heading("Approval trail (审批记录)");
            approvals(pdf, data.approvals());
        });
    }

    byte[] closing(ClosingReportData data) {
        return PdfBlocks.render("Closing report " + data.orderNumber(), pdf -> {
            pdf.title("Closing report (结单报告) " + data.orderNumber());
            pdf.facts(List.of(
                    fact("Order number (订单号)", data.orderNumber()),
                    fact("Customer (客户)", data.customerName()),
                    fact("Owner (负责人)", data.owner()),
                    fact("Closed at (结单时间)", time(data.closedAt())),
                    fact("Closed by", data.closedBy()),
                    fact("Revision (版本)", String.valueOf(data.revision())),
                    fact("Delivery date (交货日期)", data.deliveryDate() == null ? null : data.deliveryDate().toString()),
                    fact("Order total (订单总额)", money(data.total(), data.currency()))));
            pdf.heading("Order lines (订单明细)");
            lines(pdf, data.lines(), data.currency());
            pdf.heading("Invoices (发票)");
            invoices(pdf, data.invoices(), data.currency());
        });
    }

    private static void changes(PdfBlocks pdf, List<ChangeRow> changes) {
        if (changes == null || changes.isEmpty()) {
            pdf.note("No field changes were recorded.");
            return;
        }
        pdf.table(new String[] { "Field", "Before (修改前)", "After (修改后)" }, new float[] { 1.4f, 2f, 2f },
                changes.stream().map(c -> new String[] { c.field(), c.before(), c.after() }).toList());
    }

    private static void approvals(PdfBlocks pdf, List<ApprovalRow> approvals) {
        if (approvals == null || approvals.isEmpty()) {
            pdf.note("No approval was required: the change was approved automatically.");
            return;
        }
        pdf.table(new String[] { "Group", "User", "Decision", "Comment", "Time" },
                new float[] { 1.3f, 1f, 1f, 2.2f, 1.4f },
                approvals.stream().map(a -> new String[] { a.group(), a.user(), a.decision(), a.comment(),
                        time(a.decidedAt()) }).toList());
    }

    private static void lines(PdfBlocks pdf, List<LineRow> lines, String currency) {
        if (lines == null || lines.isEmpty()) {
            pdf.note("The order has no lines.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        int position = 1;
        for (LineRow line : lines) {
            BigDecimal amount = line.unitPrice() == null ? null
                    : line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
            rows.add(new String[] { String.valueOf(position++), line.sku(), line.description(),
                    String.valueOf(line.quantity()), money(line.unitPrice(), currency), money(amount, currency) });
        }
        pdf.table(new String[] { "#", "SKU", "Description", "Qty", "Unit price", "Amount" },
                new float[] { 0.4f, 1.2f, 2.6f, 0.6f, 1.3f, 1.3f }, rows);
    }

    private static void invoices(PdfBlocks pdf, List<InvoiceRow> invoices, String currency) {
        if (invoices == null || invoices.isEmpty()) {
            pdf.note("No invoices were issued.");
            return;
        }
        List<String[]> rows = invoices.stream()
                .map(i -> new String[] { i.number(), money(i.amount(), currency), i.status() }).toList();
        pdf.table(new String[] { "Number", "Amount", "Status" }, new float[] { 1.5f, 1.5f, 1.2f }, rows);
        BigDecimal invoiced = invoices.stream().map(InvoiceRow::amount).filter(a -> a != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        pdf.note("Invoiced total (已开票金额): " + money(invoiced, currency));
    }
}
