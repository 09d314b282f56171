package com.orderflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.orderflow.modification.ModificationReason;
import com.orderflow.modification.ModificationService;
import com.orderflow.modification.ModificationViews.SubmitRequest;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.shared.Actor;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;
import com.orderflow.support.MailHtml;
import com.orderflow.support.TestInfrastructure;

/**
 * The periodic review over closed orders seeded with one anomaly each (and clean ones beside them):
 * it finds exactly those, the PDF and CSV hold them, sales managers get the PDF by mail, and their
 * task records an outcome per finding.
 */
class ClosedOrderReviewIT extends IntegrationTest {

    private static final Actor SALES1 = new Actor("sales1", Set.of("sales"));

    @Autowired
    OrderLifecycle lifecycle;
    @Autowired
    ModificationService modifications;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ObjectMapper json;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    record Seeded(long id, String number) {
    }

    @Test
    void theReviewFindsEachSeededAnomalyAndNothingElse() throws Exception {
        ApiClient sales = as("sales1");
        long customer = Fixtures.customer(sales, "Review Buyer");
        Instant now = Instant.now();

        Seeded clean = closedOrder(sales, customer, null, true);
        Seeded recentReissue = closedOrder(sales, customer, null, true);
        jdbc.update("update invoice set status = 'NEEDS_REISSUE', status_changed_at = ? where order_id = ?",
                Timestamp.from(now.minus(Duration.ofDays(2))), recentReissue.id());

        Seeded mismatch = closedOrder(sales, customer, "1.00", true);

        Seeded reissue = closedOrder(sales, customer, null, true);
        jdbc.update("update invoice set status = 'NEEDS_REISSUE', status_changed_at = ? where order_id = ?",
                Timestamp.from(now.minus(Duration.ofDays(400))), reissue.id());

        Seeded stuck = closedOrder(sales, customer, null, true);
        var request = modifications.submit(stuck.id(), new SubmitRequest(ModificationReason.CORRECTION,
                "Typo in the phone number", Map.of("customer.phone", json.valueToTree("+86 21 5555 0123"))), SALES1);
        // Stuck in approval since long ago: once its approvers are decided, it is made to look 400 days old.
        Await.until("the approvers are decided", () -> !"SUBMITTED".equals(jdbc.queryForObject(
                "select status from modification_request where id = ?", String.class, request.id())));
        jdbc.update("update modification_request set updated_at = ? where id = ?",
                Timestamp.from(now.minus(Duration.ofDays(400))), request.id());

        Seeded noContract = closedOrder(sales, customer, null, true);
        jdbc.update("delete from contract where order_id = ?", noContract.id());

        Seeded undelivered = closedOrder(sales, customer, null, false);

        Map<Long, String> expected = Map.of(mismatch.id(), "INVOICE_TOTAL_MISMATCH", reissue.id(), "REISSUE_OVERDUE",
                stuck.id(), "REQUEST_STUCK", noContract.id(), "MISSING_CONTRACT", undelivered.id(), "UNDELIVERED");
        Set<Long> seeded = Set.of(clean.id(), recentReissue.id(), mismatch.id(), reissue.id(), stuck.id(),
                noContract.id(), undelivered.id());
        Set<String> expectedPairs = expected.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.toSet());

        assertThat(as("manager1").post("/api/admin/reviews", "").status()).isEqualTo(403);
        var started = as("admin").post("/api/admin/reviews", "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        long reviewId = started.json().get("reviewId").asLong();
        String processInstanceId = started.json().get("processInstanceId").asText();

        ApiClient manager = as("manager1");
        Await.until("review " + reviewId + " is scanned", Duration.ofSeconds(120),
                () -> !"RUNNING".equals(manager.get("/api/reviews/" + reviewId).json().at("/review/status").asText()));
        JsonNode detail = manager.get("/api/reviews/" + reviewId).json();
        assertThat(as("sales1").get("/api/reviews/" + reviewId).status()).isEqualTo(403);
        assertThat(as("finance1").get("/api/reviews/" + reviewId).status()).isEqualTo(200);
        assertThat(pairs(detail.get("findings"), seeded)).isEqualTo(expectedPairs);
        assertThat(manager.get("/api/reviews").json().findValues("id").stream().map(JsonNode::asLong))
                .contains(reviewId);
        for (String kind : expected.values()) {
            assertThat(detail.at("/review/countsPerKind/" + kind).asLong()).as(kind).isPositive();
        }

        // CSV: every finding, one a line.
        var csv = manager.get(detail.at("/review/reports/csvUrl").asText());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.text().lines().toList();
        assertThat(lines.get(0)).isEqualTo("review_id,order_id,order_number,owner,kind,detail,severity");
        Set<String> csvPairs = lines.stream().skip(1).map(l -> l.split(","))
                .filter(cells -> seeded.contains(Long.valueOf(cells[1]))).map(cells -> cells[1] + ":" + cells[4])
                .collect(Collectors.toSet());
        assertThat(csvPairs).isEqualTo(expectedPairs);
        assertThat(lines).hasSize((int) detail.at("/review/findingCount").asLong() + 1);

        // PDF: summary, counts, and the seeded orders among the worst cases.
        var pdf = manager.get(detail.at("/review/reports/pdfUrl").asText());
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        String text = pdfText(pdf.bytes());
        assertThat(text).contains("Closed-order review", "#" + reviewId, "Findings per kind");
        for (Seeded order : List.of(mismatch, reissue, stuck, noContract, undelivered)) {
            assertThat(text).contains(order.number());
        }
        assertThat(text).doesNotContain(clean.number(), recentReissue.number());

        // Mail to the sales managers with the PDF attached.
        Await.until("the review report is mailed", () -> reviewMail(reviewId) != null);
        MimeMessage mail = reviewMail(reviewId);
        assertThat(mail.getAllRecipients()[0].toString()).endsWith("@orderflow.local");
        assertThat(mimeText(mail)).contains("closed-order-review-" + reviewId + ".pdf");

        // The findings task for sales managers; ask for a fix of one order, acknowledge the rest.
        Await.until("the review-findings task exists", () -> findingsTask(processInstanceId) != null);
        Task task = findingsTask(processInstanceId);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).anySatisfy(
                link -> assertThat(link.getGroupId()).isEqualTo("sales-managers"));
        assertThat((String) tasks.getVariable(task.getId(), "findingSummary")).isNotBlank()
                .contains("Undelivered lines (未交付)").doesNotContain("UNDELIVERED");
        // The report's email links the sales managers to this task.
        URI findingsLink = MailHtml.links(MailHtml.html(mail)).stream()
                .filter(l -> l.getPath().equals("/tasks/open")).findFirst().orElseThrow();
        assertThat(findingsLink.toString()).startsWith("https://orderflow.example.test/tasks/open?process="
                + processInstanceId);
        var toTask = manager.get(MailHtml.pathOf(findingsLink));
        assertThat(toTask.status()).isEqualTo(302);
        assertThat(toTask.header("Location")).endsWith("/camunda/app/tasklist/default/#/?task=" + task.getId());
        identity.setAuthentication("manager1", List.of("sales-managers"));
        try {
            tasks.complete(task.getId(), Map.of("fixRequests", String.valueOf(undelivered.id())));
        } finally {
            identity.clearAuthentication();
        }
        JsonNode decided = manager.get("/api/reviews/" + reviewId).json();
        assertThat(decided.at("/review/status").asText()).isEqualTo("COMPLETED");
        for (JsonNode finding : decided.get("findings")) {
            if (!seeded.contains(finding.get("orderId").asLong())) {
                continue;
            }
            String status = finding.get("orderId").asLong() == undelivered.id() ? "FIX_REQUESTED" : "ACKNOWLEDGED";
            assertThat(finding.get("status").asText()).as(finding.toString()).isEqualTo(status);
            assertThat(finding.get("decidedBy").asText()).isEqualTo("manager1");
        }
        Await.until("the owner is asked to fix " + undelivered.number(), () -> Arrays.stream(
                TestInfrastructure.smtp().getReceivedMessages()).anyMatch(m -> subject(m).contains(undelivered.number())
                        && subject(m).contains(" " + reviewId)));
        // It links the owner to the portal's form for the modification request, which opens for them.
        MimeMessage fix = Arrays.stream(TestInfrastructure.smtp().getReceivedMessages())
                .filter(m -> subject(m).contains(undelivered.number()) && subject(m).contains(" " + reviewId))
                .findFirst().orElseThrow();
        URI modify = URI.create("https://orderflow.example.test/orders/" + undelivered.id() + "/modify");
        assertThat(MailHtml.links(MailHtml.html(fix))).contains(modify);
        var form = as("sales1").get(MailHtml.pathOf(modify));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains(undelivered.number());
    }

    /** A closed order of 1,500,000 EUR, invoiced in full unless another amount is given. */
    @Test
    void theWeeklyTimerStartsAReviewOnMondayAtEight() {
        Job timer = management.createJobQuery().processDefinitionKey("closed-order-review").timers().list().stream()
                .max(Comparator.comparing(Job::getDuedate)).orElseThrow();
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
        long before = history.createHistoricProcessInstanceQuery().processDefinitionKey("closed-order-review").count();
        try {
            ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
            Await.until("the timer started a review", () -> history.createHistoricProcessInstanceQuery()
                    .processDefinitionKey("closed-order-review").count() > before);
        } finally {
            ClockUtil.reset();
        }
        Await.until("the scheduled review is listed", () -> StreamSupport.stream(as("admin").get("/api/reviews")
                .json().spliterator(), false).anyMatch(r -> "SCHEDULE".equals(r.get("triggeredBy").asText())));
        Job next = management.createJobQuery().processDefinitionKey("closed-order-review").timers().list().stream()
                .max(Comparator.comparing(Job::getDuedate)).orElseThrow();
        assertThat(next.getDuedate()).isAfter(timer.getDuedate());
    }

    private Seeded closedOrder(ApiClient sales, long customer, String invoiceAmount, boolean delivered) {
        var created = sales.post("/api/orders", Fixtures.orderBody(customer, 1000, "1500.00"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        var invoice = as("finance1").post("/api/orders/" + id + "/invoices", Map.of("amount",
                invoiceAmount == null ? created.json().get("total").decimalValue().toPlainString() : invoiceAmount));
        assertThat(invoice.status()).as(invoice.text()).isEqualTo(201);
        if (delivered) {
            for (JsonNode delivery : sales.get("/api/orders/" + id + "/deliveries").json()) {
                var done = sales.post("/api/orders/" + id + "/deliveries/" + delivery.get("id").asLong() + "/delivered",
                        "");
                assertThat(done.status()).as(done.text()).isEqualTo(200);
            }
        }
        lifecycle.close(id, "sales1");
        return new Seeded(id, created.json().get("orderNumber").asText());
    }

    private static Set<String> pairs(JsonNode findings, Set<Long> seeded) {
        Set<String> pairs = new HashSet<>();
        StreamSupport.stream(findings.spliterator(), false)
                .filter(f -> seeded.contains(f.get("orderId").asLong()))
                .forEach(f -> pairs.add(f.get("orderId").asLong() + ":" + f.get("kind").asText()));
        return pairs;
    }

    private Task findingsTask(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("review-findings")
                .singleResult();
    }

    private static MimeMessage reviewMail(long reviewId) {
        return Arrays.stream(TestInfrastructure.smtp().getReceivedMessages())
                .filter(m -> subject(m).contains("review " + reviewId + ":") || subject(m).contains("审查 " + reviewId))
                .findFirst().orElse(null);
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (Exception e) {
            return "";
        }
    }

    private static String mimeText(MimeMessage message) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String pdfText(byte[] pdf) throws IOException {
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
