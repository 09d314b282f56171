package com.orderflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;

class BillingPdfWriterTest {

    private final BillingPdfWriter writer = new BillingPdfWriter();

    static BillingDocumentData invoice(Long orderId, String orderNumber, String number) {
        return new BillingDocumentData(ReportType.INVOICE, orderId, orderNumber, "上海泵业有限公司", number, null,
                new BigDecimal("25000.00"), "CNY", "Supplementary invoice: two more pumps",
                "finance1", Instant.parse("2026-03-05T12:00:00Z"), new BigDecimal("125000.00"),
                new BigDecimal("125000.00"));
    }

    static BillingDocumentData creditNote(Long orderId, String orderNumber, String number) {
        return new BillingDocumentData(ReportType.CREDIT_NOTE, orderId, orderNumber, "上海泵业有限公司", number,
                "INV-2026-000001", new BigDecimal("1500.00"), "CNY", "One pump returned (退货一台)", "finance1",
                Instant.parse("2026-03-06T08:30:00Z"), new BigDecimal("98500.00"), new BigDecimal("98500.00"));
    }

    @Test
    void invoiceShowsItsNumberOrderAmountAndBalance() throws IOException {
        byte[] pdf = writer.document(invoice(7L, "SO-2026-000123", "INV-2026-000042"));

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = unicodeText(pdf);
        assertThat(text).contains("Invoice (发票) INV-2026-000042", "Invoice number (发票号)", "SO-2026-000123",
                "Customer (客户)", "上海泵业有限公司", "Amount (金额)", "25000.00 CNY",
                "Supplementary invoice: two more pumps", "finance1", "2026-03-05 12:00 UTC",
                "Order total (订单总额)", "125000.00 CNY", "Invoiced balance after (开具后已开票余额)");
        assertThat(text).doesNotContain("贷项通知单号", "Credited invoice");
        // OpenPDF's own extractor reads the Latin text: what a plain text search of the file finds.
        assertThat(PdfReportWriterTest.text(pdf)).contains("INV-2026-000042", "25000.00 CNY", "SO-2026-000123");
    }

    @Test
    void creditNoteNamesTheInvoiceItCredits() throws IOException {
        String text = unicodeText(writer.document(creditNote(7L, "SO-2026-000123", "CN-2026-000003")));

        assertThat(text).contains("Credit note (贷项通知单) CN-2026-000003", "Credit note number (贷项通知单号)",
                "Credited invoice (被冲减发票)", "INV-2026-000001", "上海泵业有限公司", "1500.00 CNY",
                "One pump returned (退货一台)", "2026-03-06 08:30 UTC", "98500.00 CNY");
        assertThat(text).doesNotContain("Invoice (发票)");
    }

    @Test
    void aBillingDocumentIsAnInvoiceOrACreditNoteOfAnInvoice() {
        BillingDocumentData ok = creditNote(7L, "SO-2026-000123", "CN-2026-000003");

        assertThatIllegalArgumentException().isThrownBy(() -> new BillingDocumentData(ReportType.CLOSING,
                ok.orderId(), ok.orderNumber(), ok.customerName(), ok.documentNumber(), null, ok.amount(),
                ok.currency(), ok.reason(), ok.issuedBy(), ok.issuedAt(), ok.orderTotal(), ok.invoicedBalanceAfter()));
        assertThatIllegalArgumentException().isThrownBy(() -> new BillingDocumentData(ReportType.CREDIT_NOTE,
                ok.orderId(), ok.orderNumber(), ok.customerName(), ok.documentNumber(), " ", ok.amount(),
                ok.currency(), ok.reason(), ok.issuedBy(), ok.issuedAt(), ok.orderTotal(), ok.invoicedBalanceAfter()))
                .withMessageContaining("CN-2026-000003");
        assertThatIllegalArgumentException().isThrownBy(() -> new BillingDocumentData(ReportType.INVOICE,
                ok.orderId(), ok.orderNumber(), ok.customerName(), "INV-2026-000009", "INV-2026-000001",
                ok.amount(), ok.currency(), ok.reason(), ok.issuedBy(), ok.issuedAt(), ok.orderTotal(),
                ok.invoicedBalanceAfter()));
        assertThatIllegalArgumentException().isThrownBy(() -> new BillingDocumentData(ReportType.INVOICE, null,
                ok.orderNumber(), ok.customerName(), "INV-2026-000009", null, ok.amount(), ok.currency(),
                ok.reason(), ok.issuedBy(), ok.issuedAt(), ok.orderTotal(), ok.invoicedBalanceAfter()));
        assertThatIllegalArgumentException().isThrownBy(() -> new BillingDocumentData(ReportType.INVOICE,
                ok.orderId(), ok.orderNumber(), ok.customerName(), "", null, ok.amount(), ok.currency(),
                ok.reason(), ok.issuedBy(), ok.issuedAt(), ok.orderTotal(), ok.invoicedBalanceAfter()));
    }

    /**
     * The text of a PDF including its Chinese. OpenPDF's extractor drops text in the un-embedded
     * STSong-Light font (it has no ToUnicode map); with the UniGB-UCS2-H encoding the codes written are
     * the UCS-2 characters themselves, so this reads the show-text operators and decodes them per font.
     */
    static String unicodeText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                PdfDictionary fonts = reader.getPageN(page).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
                PdfContentParser parser = new PdfContentParser(new PRTokeniser(reader.getPageContent(page)));
                List<PdfObject> operands = new ArrayList<>();
                boolean ucs2 = false;
                while (!parser.parse(operands).isEmpty()) {
                    String operator = operands.get(operands.size() - 1).toString();
                    switch (operator) {
                        case "Tf" -> ucs2 = isUcs2(fonts.getAsDict((PdfName) operands.get(0)));
                        case "Tj", "'", "\"" -> text.append(decode(operands.get(operands.size() - 2), ucs2));
                        case "TJ" -> {
                            for (PdfObject part : ((PdfArray) operands.get(0)).getElements()) {
                                text.append(decode(part, ucs2));
                            }
                        }
                        case "ET" -> text.append('\n');
                        default -> {
                        }
                    }
                }
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    private static boolean isUcs2(PdfDictionary font) {
        PdfName encoding = font == null ? null : font.getAsName(PdfName.ENCODING);
        return encoding != null && encoding.toString().equals("/UniGB-UCS2-H");
    }

    private static String decode(PdfObject part, boolean ucs2) {
        if (!(part instanceof PdfString string)) {
            return "";
        }
        return new String(string.getBytes(), ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
    }
}
