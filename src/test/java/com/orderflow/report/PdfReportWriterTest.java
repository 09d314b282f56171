package com.orderflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.orderflow.report.ClosingReportData.InvoiceRow;
import com.orderflow.report.ClosingReportData.LineRow;
import com.orderflow.report.ModificationReportData.ApprovalRow;
import com.orderflow.report.ModificationReportData.ChangeRow;

class PdfReportWriterTest {

    private final PdfReportWriter writer = new PdfReportWriter();

    static ModificationReportData modification() {
        return new ModificationReportData(7L, 42L, "SO-2026-000123", "Shanghai Pumps", "EUR", "sales1",
                "CUSTOMER_REQUIREMENT", "Customer asked for longer payment terms",
                Instant.parse("2026-03-02T09:15:00Z"), Instant.parse("2026-03-04T16:40:00Z"), 3, 4,
                List.of(new ChangeRow("contract.paymentTermsDays", "30", "60"),
                        new ChangeRow("customer.email", "old@buyer.test", "new@buyer.test")),
                List.of(new ApprovalRow("sales-managers", "manager1", "APPROVED", "Fine for this customer",
                        Instant.parse("2026-03-03T10:00:00Z")),
                        new ApprovalRow("legal", "legal1", "APPROVED", "Terms checked",
                                Instant.parse("2026-03-04T08:30:00Z"))));
    }

    @Test
    void modificationReportShowsTheOrderTheChangesAndTheApprovalTrailAsText() throws IOException {
        byte[] pdf = writer.modification(modification());

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("Modification report", "SO-2026-000123", "Shanghai Pumps", "sales1",
                "CUSTOMER_REQUIREMENT", "Customer asked for longer payment terms", "2026-03-02 09:15 UTC",
                "2026-03-04 16:40 UTC", "3 -> 4");
        assertThat(text).contains("contract.paymentTermsDays", "30", "60", "old@buyer.test", "new@buyer.test");
        assertThat(text).contains("sales-managers", "manager1", "Fine for this customer", "2026-03-03 10:00 UTC",
                "legal1", "Terms checked");
        assertThat(text).containsSubsequence("old@buyer.test", "new@buyer.test", "manager1", "legal1");
    }

    @Test
    void modificationWithoutApprovalsSaysItWasAutoApproved() throws IOException {
        ModificationReportData data = modification();
        ModificationReportData auto = new ModificationReportData(data.orderId(), data.requestId(),
                data.orderNumber(), data.customerName(), data.currency(), data.requester(), data.reason(), null,
                data.requestedAt(), data.appliedAt(), 1, 2, data.changes(), List.of());

        assertThat(text(writer.modification(auto))).contains("approved automatically", "1 -> 2");
    }

    // OpenPDF's own extractor does not decode the un-embedded Chinese font (other readers such as pdf.js
    // do), so this asserts that Chinese values neither fail the report nor disturb the Latin text.
    @Test
    void chineseValuesDoNotBreakTheReportAndLatinTextStaysReadable() throws IOException {
        ModificationReportData data = modification();
        ModificationReportData chinese = new ModificationReportData(data.orderId(), data.requestId(),
                data.orderNumber(), "上海泵业有限公司", data.currency(), data.requester(), data.reason(),
                "客户要求延长付款期限", data.requestedAt(), data.appliedAt(), 3, 4, data.changes(), data.approvals());

        String text = text(writer.modification(chinese));

        assertThat(text).contains("SO-2026-000123", "old@buyer.test", "new@buyer.test", "manager1");
    }

    @Test
    void closingReportShowsLinesInvoicesAndTotal() throws IOException {
        ClosingReportData data = new ClosingReportData(7L, "SO-2026-000123", "Shanghai Pumps", "sales1", "EUR",
                new BigDecimal("3000.00"), Instant.parse("2026-03-05T12:00:00Z"), "sales1", 5,
                List.of(new LineRow("PUMP-7", "Industrial pump", 2, new BigDecimal("1500.00"))),
                List.of(new InvoiceRow("INV-2026-000001", new BigDecimal("3000.00"), "ISSUED")),
                LocalDate.parse("2027-03-31"));

        String text = text(writer.closing(data));

        assertThat(text).contains("Closing report", "SO-2026-000123", "Shanghai Pumps", "2026-03-05 12:00 UTC",
                "PUMP-7", "Industrial pump", "1500.00 EUR", "INV-2026-000001", "ISSUED", "3000.00 EUR",
                "2027-03-31");
    }

    static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
