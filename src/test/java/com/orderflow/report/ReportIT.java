package com.orderflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.notification.MailAttachments;
import com.orderflow.report.ModificationReportData.ApprovalRow;
import com.orderflow.report.ModificationReportData.ChangeRow;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

class ReportIT extends IntegrationTest {

    @Autowired
    ReportService reports;

    @Autowired
    MailAttachments attachments;

    @Autowired
    PlatformTransactionManager transactions;

    // Far above any real request id, so other modules' tests in the shared database never meet this key.
    private static final long REQUEST_ID_OFFSET = 9_000_000_000L;

    @Test
    void storesAModificationReportOnceAndServesItToThoseWhoMayReadTheOrder() throws IOException {
        JsonNode order = Fixtures.order(as("sales1"), Fixtures.customer(as("sales1"), "X"));
        long orderId = order.get("id").asLong();
        String orderNumber = order.get("orderNumber").asText();
        ModificationReportData data = modification(orderId, orderNumber);

        Long id = reports.storeModificationReport(data);
        assertThat(reports.storeModificationReport(data)).as("a retry stores nothing new").isEqualTo(id);
        assertThat(reports.forOrder(orderId)).extracting(Report::getId).containsExactly(id);

        var download = as("sales1").get("/api/reports/" + id);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + orderNumber + "-modification-" + (REQUEST_ID_OFFSET + orderId) + ".pdf\"");
        assertThat(PdfReportWriterTest.text(download.bytes())).contains(orderNumber, "contract.paymentTermsDays",
                "30", "60", "old@buyer.test", "new@buyer.test", "manager1", "Fine for this customer");

        var list = as("sales1").get("/api/orders/" + orderId + "/reports");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        JsonNode listed = list.json().get(0);
        assertThat(listed.get("id").asLong()).isEqualTo(id);
        assertThat(listed.get("type").asText()).isEqualTo("MODIFICATION");
        assertThat(listed.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(listed.get("sizeBytes").asLong()).isEqualTo(download.bytes().length);
        assertThat(listed.get("requestId").asLong()).isEqualTo(REQUEST_ID_OFFSET + orderId);
        assertThat(listed.get("revision").asInt()).isEqualTo(2);
        assertThat(listed.get("downloadUrl").asText()).isEqualTo("/api/reports/" + id);

        assertThat(as("manager1").get("/api/reports/" + id).status()).isEqualTo(200);
        assertProblem(as("sales2").get("/api/reports/" + id), 404);
        assertProblem(as("sales2").get("/api/orders/" + orderId + "/reports"), 404);
        assertProblem(as("sales1").get("/api/reports/987654321"), 404);
    }

    @Test
    void closingReportsAreKeptPerRevision() {
        JsonNode order = Fixtures.order(as("sales1"), Fixtures.customer(as("sales1"), "Closing Co"));
        long orderId = order.get("id").asLong();

        Long first = reports.storeClosingReport(closing(orderId, order.get("orderNumber").asText(), 3));
        Long retried = reports.storeClosingReport(closing(orderId, order.get("orderNumber").asText(), 3));
        Long afterReopening = reports.storeClosingReport(closing(orderId, order.get("orderNumber").asText(), 6));

        assertThat(retried).isEqualTo(first);
        assertThat(afterReopening).isNotEqualTo(first);
        assertThat(reports.forOrder(orderId)).extracting(Report::getRevision).containsExactly(3, 6);
    }

    @Test
    void storesAnInvoiceAndACreditNoteOnceEachForThoseWhoMayReadTheOrder() throws IOException {
        JsonNode order = Fixtures.order(as("sales1"), Fixtures.customer(as("sales1"), "Billing Co"));
        long orderId = order.get("id").asLong();
        String orderNumber = order.get("orderNumber").asText();
        BillingDocumentData invoice = BillingPdfWriterTest.invoice(orderId, orderNumber, documentNumber("INV", orderId));
        BillingDocumentData credit = BillingPdfWriterTest.creditNote(orderId, orderNumber,
                documentNumber("CN", orderId));

        Long invoiceId = reports.storeBillingDocument(invoice);
        assertThat(reports.storeBillingDocument(invoice)).as("a second call stores nothing new").isEqualTo(invoiceId);
        Long creditId = reports.storeBillingDocument(credit);
        assertThat(creditId).isNotEqualTo(invoiceId);
        assertThat(reports.forOrder(orderId)).extracting(Report::getType)
                .containsExactly(ReportType.INVOICE, ReportType.CREDIT_NOTE);
        assertThat(reports.find(invoiceId).orElseThrow().getDedupKey()).isEqualTo("invoice-" + invoice.documentNumber());
        assertThat(reports.find(creditId).orElseThrow().getDedupKey())
                .isEqualTo("credit-note-" + credit.documentNumber());

        var download = as("sales1").get("/api/reports/" + invoiceId);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"" + invoice.documentNumber() + ".pdf\"");
        assertThat(BillingPdfWriterTest.unicodeText(download.bytes())).contains(invoice.documentNumber(),
                orderNumber, "25000.00 CNY", "Invoice (发票)", "上海泵业有限公司");
        assertThat(BillingPdfWriterTest.unicodeText(as("sales1").get("/api/reports/" + creditId).bytes()))
                .contains(credit.documentNumber(), "INV-2026-000001", "Credit note (贷项通知单)");

        var list = as("sales1").get("/api/orders/" + orderId + "/reports");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(2);
        assertThat(list.json().get(0).get("type").asText()).isEqualTo("INVOICE");
        assertThat(list.json().get(0).get("fileName").asText()).isEqualTo(invoice.documentNumber() + ".pdf");
        assertThat(list.json().get(0).get("downloadUrl").asText()).isEqualTo("/api/reports/" + invoiceId);
        assertThat(list.json().get(1).get("type").asText()).isEqualTo("CREDIT_NOTE");

        for (String reader : List.of("manager1", "finance1", "admin")) {
            assertThat(as(reader).get("/api/reports/" + invoiceId).status()).as(reader).isEqualTo(200);
            assertThat(as(reader).get("/api/reports/" + creditId).status()).as(reader).isEqualTo(200);
        }
        assertProblem(as("sales2").get("/api/reports/" + invoiceId), 404);
        assertProblem(as("sales2").get("/api/reports/" + creditId), 404);
        assertProblem(as("sales2").get("/api/orders/" + orderId + "/reports"), 404);
        assertThat(attachments.readersAmong(attachments.load(creditId).orElseThrow(), List.of("sales1", "sales2")))
                .as("a mailed credit note goes to the order's readers only").containsExactly("sales1");
    }

    @Test
    void aBillingDocumentsPdfRollsBackWithTheTransactionThatIssuesIt() {
        JsonNode order = Fixtures.order(as("sales1"), Fixtures.customer(as("sales1"), "Rollback Co"));
        long orderId = order.get("id").asLong();
        BillingDocumentData invoice = BillingPdfWriterTest.invoice(orderId, order.get("orderNumber").asText(),
                documentNumber("INV", orderId));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            reports.storeBillingDocument(invoice);
            status.setRollbackOnly();
        });

        assertThat(reports.forOrder(orderId)).as("no PDF of a document that was never issued").isEmpty();
    }

    @Test
    void aReportOfNoOrderIsForManagersAndAdminsAndCanBeAttachedToMail() {
        byte[] csv = "order,anomaly\nSO-1,invoice total differs\n".getBytes(StandardCharsets.UTF_8);
        Long id = reports.store(ReportType.REVIEW_CSV, null, null, 77L, "review-77-csv-" + System.nanoTime(),
                "review-77.csv", "text/csv", csv);

        assertProblem(as("sales1").get("/api/reports/" + id), 403);
        assertProblem(as("finance1").get("/api/reports/" + id), 403);
        var download = as("manager1").get("/api/reports/" + id);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("text/csv");
        assertThat(download.bytes()).isEqualTo(csv);
        assertThat(as("admin").get("/api/reports/" + id).status()).isEqualTo(200);

        var attachment = attachments.load(id).orElseThrow();
        assertThat(attachment.fileName()).isEqualTo("review-77.csv");
        assertThat(attachment.contentType()).isEqualTo("text/csv");
        assertThat(attachment.content()).isEqualTo(csv);
        assertThat(attachments.load(987654321L)).isEmpty();
    }

    private static void assertProblem(com.orderflow.support.ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }

    // The year 2999 is never issued, so documents of other modules' tests in the shared database never
    // share these numbers (and dedup keys).
    private static String documentNumber(String prefix, long orderId) {
        return prefix + "-2999-" + String.format("%06d", orderId);
    }

    private static ModificationReportData modification(long orderId, String orderNumber) {
        return new ModificationReportData(orderId, REQUEST_ID_OFFSET + orderId, orderNumber, "X", "EUR", "sales1", "CONTRACT_CHANGE",
                "Longer payment terms", Instant.parse("2026-03-02T09:15:00Z"), Instant.parse("2026-03-04T16:40:00Z"),
                1, 2,
                List.of(new ChangeRow("contract.paymentTermsDays", "30", "60"),
                        new ChangeRow("customer.email", "old@buyer.test", "new@buyer.test")),
                List.of(new ApprovalRow("sales-managers", "manager1", "APPROVED", "Fine for this customer",
                        Instant.parse("2026-03-03T10:00:00Z"))));
    }

    private static ClosingReportData closing(long orderId, String orderNumber, int revision) {
        return new ClosingReportData(orderId, orderNumber, "Closing Co", "sales1", "EUR", new BigDecimal("3000.00"),
                Instant.parse("2026-03-05T12:00:00Z"), "sales1", revision,
                List.of(new ClosingReportData.LineRow("PUMP-7", "Industrial pump", 2, new BigDecimal("1500.00"))),
                List.of(), LocalDate.parse("2027-03-31"));
    }
}
