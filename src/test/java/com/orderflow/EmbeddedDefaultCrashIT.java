package com.orderflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.ForkedApp;

/**
 * What the embedded default answered survives a crash and is finished after the restart: every order and
 * modification request answered 201 exists, and within {@link #RECOVERY} of the restarted app being up each
 * request is applied or waits for its approvers with their tasks, and no incident was caused. The crashes are
 * kill -9 of the JVM and of its PostgreSQL at once (as a power cut), right after the last answer and while apply
 * jobs run, and of the JVM alone, which leaves its PostgreSQL running. The app runs in one working directory
 * throughout ({@code target/embedded-default-crash}, kept for its logs), each test on what the one before left.
 * Every order has a customer of its own: requests that change the contact of one shared customer collide on its
 * row when applied together and are retried, which is not what this test is about.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDefaultCrashIT {

    /** The only time bound: Camunda's lock time (5 min) would hold the dead JVM's jobs far longer. */
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    private static final String AUTO_APPROVED = "APPLIED";
    private static final String NEEDS_LEGAL = "IN_APPROVAL";

    private static final Path workDir = Path.of("target", "embedded-default-crash");

    private static ForkedApp app;

    @BeforeAll
    static void freshWorkingDirectory() throws IOException {
        FileSystemUtils.deleteRecursively(workDir);
    }

    @AfterAll
    static void stopGracefully() throws InterruptedException {
        if (app != null) {
            app.stop();
            assertThat(app.postmaster()).as("a graceful stop stops the app's PostgreSQL").isEmpty();
            app.close();
        }
    }

    @Test
    @Order(1)
    void everyAnsweredOrderAndRequestSurvivesAKillRightAfterTheLastAnswer() throws Exception {
        ApiClient sales1 = running().client("sales1");
        Map<Long, String> expected = new LinkedHashMap<>();
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long order = order(sales1);
            orders.add(order);
            expected.put(file(sales1, order, i % 2 == 0 ? phoneChange(i) : paymentTermsChange()),
                    i % 2 == 0 ? AUTO_APPROVED : NEEDS_LEGAL);
        }
        app.crash();

        restart();
        for (long order : orders) {
            assertThat(app.client("sales1").get("/api/orders/" + order).status()).as("order %d", order)
                    .isEqualTo(200);
        }
        assertSettled(expected);
    }

    @Test
    @Order(2)
    void applyJobsCutOffByAKillRunAgainAfterTheRestart() throws Exception {
        ApiClient sales1 = running().client("sales1");
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            orders.add(order(sales1));
        }
        Map<Long, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            expected.put(file(sales1, orders.get(i), phoneChange(100 + i)), AUTO_APPROVED);
        }
        long[] jobs = jobsNow();
        app.crash();
        System.out.printf("CRASH-IT killed with %d jobs in the database, %d of them locked by the job executor%n",
                jobs[0], jobs[1]);
        assertThat(jobs[1]).as("jobs were running or queued when the JVM died").isPositive();

        restart();
        assertSettled(expected);
        for (long order : orders) {
            assertThat(app.client("sales1").get("/api/orders/" + order).json().get("revision").asInt())
                    .as("order %d changed exactly once", order).isEqualTo(2);
        }
    }

    @Test
    @Order(3)
    void aPostgresLeftRunningByADeadJvmIsStoppedAndTheAppStartsOnItsData() throws Exception {
        ApiClient sales1 = running().client("sales1");
        long order = order(sales1);
        Map<Long, String> expected = Map.of(file(sales1, order, phoneChange(999)), AUTO_APPROVED);
        app.killJvmOnly();
        ProcessHandle orphan = app.postmaster().orElseThrow(
                () -> new AssertionError("PostgreSQL should outlive a JVM killed alone"));

        restart();
        assertThat(orphan.isAlive()).as("the PostgreSQL the dead JVM left").isFalse();
        assertThat(app.postmaster()).as("a new PostgreSQL").isPresent()
                .get().extracting(ProcessHandle::pid).isNotEqualTo(orphan.pid());
        assertSettled(expected);
    }

    private static ForkedApp running() throws InterruptedException {
        if (app == null || !app.isAlive()) {
            if (app != null) {
                app.close();
            }
            app = ForkedApp.start(workDir).awaitHealthy();
        }
        return app;
    }

    private static void restart() {
        long start = System.nanoTime();
        app = app.restart().awaitHealthy();
        System.out.printf("CRASH-IT restarted and healthy after %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static long order(ApiClient sales1) {
        long customer = Fixtures.customer(sales1, "Crash Test Trading " + UUID.randomUUID());
        return Fixtures.order(sales1, customer).get("id").asLong();
    }

    private static long file(ApiClient sales1, long order, Map<String, Object> request) {
        var response = sales1.post("/api/orders/" + order + "/modification-requests", request);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private static Map<String, Object> phoneChange(int i) {
        return Map.of("reason", "CORRECTION", "description", "New phone",
                "changes", Map.of("customer.phone", "+86 10 5555 " + String.format("%04d", i)));
    }

    private static Map<String, Object> paymentTermsChange() {
        return Map.of("reason", "CONTRACT_CHANGE", "description", "Longer terms",
                "changes", Map.of("contract.paymentTermsDays", 60));
    }

    /** Each request reaches its expected state (approval tasks open for IN_APPROVAL), with no incident. */
    private static void assertSettled(Map<Long, String> expected) {
        ApiClient sales1 = app.client("sales1");
        ApiClient admin = app.client("admin");
        for (long id : expected.keySet()) {
            assertThat(sales1.get("/api/modification-requests/" + id).status()).as("request %d", id).isEqualTo(200);
        }
        long start = System.nanoTime();
        Await.until("every request is applied or waits for its approvers", RECOVERY,
                () -> expected.entrySet().stream().allMatch(e -> settled(sales1, admin, e.getKey(), e.getValue())));
        System.out.printf("CRASH-IT %d requests settled %.1f s after the restart%n", expected.size(),
                (System.nanoTime() - start) / 1e9);
        for (var request : expected.entrySet()) {
            JsonNode view = sales1.get("/api/modification-requests/" + request.getKey()).json();
            assertThat(view.get("status").asText()).as("request %d", request.getKey()).isEqualTo(request.getValue());
        }
        assertThat(admin.get("/engine-rest/incident/count").json().get("count").asLong()).as("incidents: %s",
                admin.get("/engine-rest/incident").text()).isZero();
    }

    private static boolean settled(ApiClient sales1, ApiClient admin, long id, String status) {
        JsonNode view = sales1.get("/api/modification-requests/" + id).json();
        if (!status.equals(view.path("status").asText())) {
            return false;
        }
        return !NEEDS_LEGAL.equals(status) || admin.get("/engine-rest/task?processInstanceId="
                + view.get("processInstanceId").asText()).json().size() > 0;
    }

    /** Jobs in the database and those of them locked by a job executor, read just before the kill. */
    private static long[] jobsNow() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.postgresPort()
                + "/postgres", "postgres", "");
                ResultSet row = db.createStatement().executeQuery(
                        "SELECT count(*), count(lock_owner_) FROM act_ru_job")) {
            row.next();
            return new long[] { row.getLong(1), row.getLong(2) };
        }
    }
}
