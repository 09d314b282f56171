package com.orderflow.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.ForkedApp;
import com.orderflow.support.TestInfrastructure;

/**
 * README "Backups and recovery", as an operator does it: orderflow runs on PostgreSQL with closed orders, a
 * request waiting in Tasklist, an email that could not be sent yet and a finished review; scripts/backup.sh
 * dumps the database while the app runs; the app dies; scripts/restore.sh restores the dump into a fresh
 * database; orderflow starts on it and everything is there, the pending email goes out and the waiting
 * approval completes and is applied. Both apps are the packaged jar in JVMs of their own (Camunda's engine
 * registry is static), on a PostgreSQL 15 server of this test's own (see {@link Postgres15}).
 */
class BackupRestoreIT {

    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final Path WORK = Path.of("target", "backup-it", "run");

    private static Postgres15 postgres;
    private static BackupScripts scripts;
    private static boolean smtpDown;

    @BeforeAll
    static void startPostgres15() throws Exception {
        BackupScripts.requireClientTools();
        FileSystemUtils.deleteRecursively(WORK);
        Files.createDirectories(WORK);
        postgres = Postgres15.start();
        assertThat(postgres.serverVersion()).startsWith("15.");
        postgres.createDatabase("orderflow");
        postgres.createDatabase("restored");
        scripts = new BackupScripts(postgres.port());
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aBackupRestoresIntoAFreshDatabaseAndOrderflowCarriesOnThere() throws Exception {
        Path dump = WORK.resolve("orderflow.dump");
        VisibleState before;
        Story story;
        try (ForkedApp original = app("orderflow", "original")) {
            story = buildState(original);
            before = VisibleState.read(original.client("admin"), List.of(story.requestId()));
            assertHoldsTheStory(before, story);
            var backup = scripts.backup("orderflow", dump);
            assertThat(backup.exitCode()).as(backup.output()).isZero();
            assertThat(dump).isRegularFile();
            original.crash();
        } finally {
            if (smtpDown) {
                TestInfrastructure.startSmtp();
                smtpDown = false;
            }
        }
        Map<String, Long> rowsBefore = postgres.rowCounts("orderflow");

        var overLive = scripts.restore(dump, "orderflow");
        assertThat(overLive.exitCode()).as(overLive.output()).isNotZero();
        assertThat(overLive.output()).contains("not empty");
        var restore = scripts.restore(dump, "restored");
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(postgres.rowCounts("restored")).isEqualTo(rowsBefore);

        try (ForkedApp restored = app("restored", "restored")) {
            ApiClient admin = restored.client("admin");
            VisibleState after = VisibleState.read(admin, List.of(story.requestId()));
            assertThat(after.paths()).isEqualTo(before.paths());
            for (String path : before.paths()) {
                assertThat(after.at(path)).as(path).isEqualTo(before.at(path));
            }
            before.emailStates().forEach((id, state) -> {
                if (!"PENDING".equals(state)) {
                    assertThat(after.emailStates().get(id)).as("email %s", id).isEqualTo(state);
                }
            });
            awaitPendingEmailSent(admin, story);
            approveAndAwaitApplied(restored, story);
        }
    }

    /** What the state holds; the request waits in Tasklist, its email to the approvers is pending. */
    record Story(List<Long> closedOrders, long requestId, String processInstanceId, long pendingEmailId,
            String pendingMessageId) {
    }

    private static Story buildState(ForkedApp app) {
        ApiClient sales1 = app.client("sales1");
        ApiClient admin = app.client("admin");
        long customer = Fixtures.customer(sales1, "Backup Trading");
        List<Long> closed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            closed.add(closeNewOrder(app, customer));
        }
        var review = admin.post("/api/admin/reviews", "");
        assertThat(review.status()).as(review.text()).isEqualTo(202);
        Await.until("the review has finished and mailed its report", PATIENCE, () -> StreamSupport.stream(
                admin.get("/api/reviews").json().spliterator(), false)
                .anyMatch(r -> "COMPLETED".equals(r.path("status").asText())));

        TestInfrastructure.stopSmtp();
        smtpDown = true;
        long orderId = closed.get(1);
        var filed = sales1.post("/api/orders/" + orderId + "/modification-requests", Map.of("reason",
                "CUSTOMER_REQUIREMENT", "description", "New switchboard number", "changes",
                Map.of("customer.phone", "+86 21 5555 0199")));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long requestId = filed.json().get("id").asLong();
        String requestPath = "/api/modification-requests/" + requestId;
        Await.until("the request waits for approval", PATIENCE,
                () -> "IN_APPROVAL".equals(sales1.get(requestPath).json().get("status").asText()));
        String instance = sales1.get(requestPath).json().get("processInstanceId").asText();
        assertThat(approvalTasks(app.client("manager1"), instance)).hasSize(1);
        Await.until("an email to the approvers failed to send", PATIENCE,
                () -> pendingEmail(admin, orderId) != null);
        JsonNode pending = pendingEmail(admin, orderId);
        return new Story(closed, requestId, instance, pending.get("id").asLong(), pending.get("messageId").asText());
    }

    /** So that the comparison after the restore is about something. */
    private static void assertHoldsTheStory(VisibleState state, Story story) {
        for (long orderId : story.closedOrders()) {
            assertThat(state.at("/api/orders/" + orderId).get("status").asText()).isEqualTo("CLOSED");
            assertThat(state.at("/api/orders/" + orderId + "/revisions")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(state.at("/api/orders/" + orderId + "/audit")).isNotEmpty();
            assertThat(state.at("/api/orders/" + orderId + "/notifications")).isNotEmpty();
        }
        assertThat(state.emailStates()).containsEntry(story.pendingEmailId(), "PENDING").containsValue("SENT");
        assertThat(state.at("/api/reviews")).isNotEmpty();
        assertThat(state.at("/engine-rest/task?sortBy=id&sortOrder=asc").findValuesAsText("taskDefinitionKey"))
                .contains("approve-modification");
    }

    private static long closeNewOrder(ForkedApp app, long customer) {
        ApiClient sales1 = app.client("sales1");
        long orderId = Fixtures.order(sales1, customer).get("id").asLong();
        String path = "/api/orders/" + orderId;
        long deliveryId = sales1.get(path + "/deliveries").json().get(0).get("id").asLong();
        assertThat(sales1.post(path + "/deliveries/" + deliveryId + "/delivered", "").status()).isEqualTo(200);
        var invoice = app.client("finance1").post(path + "/invoices", Map.of("amount", "3000.00"));
        assertThat(invoice.status()).as(invoice.text()).isEqualTo(201);
        var close = sales1.post(path + "/close", "");
        assertThat(close.status()).as(close.text()).isEqualTo(202);
        String closing = close.json().get("processInstanceId").asText();
        Await.until("order " + orderId + " is closed and its closing process done", PATIENCE,
                () -> "COMPLETED".equals(app.client("admin").get("/engine-rest/history/process-instance/" + closing)
                        .json().path("state").asText()));
        assertThat(sales1.get(path).json().get("status").asText()).isEqualTo("CLOSED");
        return orderId;
    }

    private static void awaitPendingEmailSent(ApiClient admin, Story story) {
        long orderId = story.closedOrders().get(1);
        Await.until("the restored app sends the email that was pending", PATIENCE, () -> StreamSupport.stream(
                admin.get("/api/orders/" + orderId + "/notifications").json().spliterator(), false)
                .anyMatch(n -> n.get("id").asLong() == story.pendingEmailId() && "SENT".equals(n.get("state").asText())));
        assertThat(TestInfrastructure.allReceivedMessages()).anySatisfy(message ->
                assertThat(message.getMessageID()).isEqualTo(story.pendingMessageId()));
    }

    private static void approveAndAwaitApplied(ForkedApp app, Story story) {
        ApiClient manager1 = app.client("manager1");
        JsonNode task = approvalTasks(manager1, story.processInstanceId()).get(0);
        var completed = manager1.post("/engine-rest/task/" + task.get("id").asText() + "/complete",
                Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean"))));
        assertThat(completed.status()).as(completed.text()).isEqualTo(204);
        String requestPath = "/api/modification-requests/" + story.requestId();
        Await.until("the approved request is applied on the restored database", PATIENCE,
                () -> "APPLIED".equals(manager1.get(requestPath).json().get("status").asText()));
        JsonNode order = manager1.get("/api/orders/" + story.closedOrders().get(1)).json();
        assertThat(order.at("/customer/phone").asText()).isEqualTo("+86 21 5555 0199");
        assertThat(order.get("status").asText()).isEqualTo("CLOSED");
    }

    private static List<JsonNode> approvalTasks(ApiClient user, String processInstanceId) {
        var tasks = user.get("/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=approve-modification");
        assertThat(tasks.status()).as(tasks.text()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        tasks.json().forEach(list::add);
        return list;
    }

    private static JsonNode pendingEmail(ApiClient admin, long orderId) {
        for (JsonNode email : admin.get("/api/orders/" + orderId + "/notifications").json()) {
            if ("PENDING".equals(email.get("state").asText()) && email.get("attempts").asInt() > 0) {
                return email;
            }
        }
        return null;
    }

    /**
     * The packaged jar on one database of the PostgreSQL 15 server, mailing GreenMail; mail retries a minute
     * apart, as in production, so the pending email stays pending until the restored app sends it.
     */
    private static ForkedApp app(String database, String name) {
        return ForkedApp.startPackagedJar(WORK.resolve(name), "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.mail.host=localhost", "--spring.mail.port=" + TestInfrastructure.smtpPort(),
                "--orderflow.demo.enabled=true",
                "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=admin",
                "--orderflow.retry.mail=R10/PT1M", "--orderflow.retry.work=R5/PT1S",
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--logging.level.root=WARN").awaitHealthy();
    }
}
