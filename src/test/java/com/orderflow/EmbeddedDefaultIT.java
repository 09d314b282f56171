package com.orderflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.ForkedApp;

/**
 * The embedded default of `mvn spring-boot:run` (a PostgreSQL the app starts itself, data under ./data/postgres,
 * mail as .eml files under ./data/mail), started twice in one folder, in its own JVM.
 */
class EmbeddedDefaultIT {

    @Test
    void runsOnEmbeddedPostgresWritesMailAsFilesAndKeepsEverythingAcrossARestart(@TempDir Path workDir)
            throws Exception {
        long orderId;
        JsonNode versionsAfterFirstStart;
        try (ForkedApp app = ForkedApp.start(workDir).awaitHealthy()) {
            assertThat(durabilitySettings(app)).as("the settings that keep what was committed")
                    .isEqualTo(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"));
            ApiClient sales1 = app.client("sales1");
            JsonNode order = Fixtures.order(sales1, Fixtures.customer(sales1, "Embedded Smoke Ltd"));
            orderId = order.get("id").asLong();
            var request = sales1.post("/api/orders/" + orderId + "/modification-requests", Map.of(
                    "reason", "CORRECTION", "description", "New phone", "changes",
                    Map.of("customer.phone", "+86 10 1234 5678")));
            assertThat(request.status()).as(request.text()).isEqualTo(201);
            Path mail = workDir.resolve("data/mail");
            Await.until("the applied email is written as a file", () -> emlFiles(mail) > 0);

            versionsAfterFirstStart = latestVersions(app.client("admin"));
            assertThat(versionsAfterFirstStart.findValuesAsText("key")).contains("order-modification");
            assertThat(app.client("admin").get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
            // Out of the box, webhooks never reach the machine itself or its network (SSRF).
            var loopback = app.client("admin").post("/api/admin/webhooks", Map.of("url", "http://127.0.0.1:8080/x",
                    "secret", "a-secret-of-32-characters-or-more!!", "eventTypes", java.util.List.of("*"),
                    "active", true));
            assertThat(loopback.status()).as(loopback.text()).isEqualTo(400);
            assertThat(loopback.contentType()).startsWith("application/problem+json");
            assertThat(loopback.text()).contains("loopback");
            app.stop();
            assertThat(app.postmaster()).as("the app stops its PostgreSQL").isEmpty();
        }
        assertThat(workDir.resolve("data/postgres/PG_VERSION")).isRegularFile();
        try (ForkedApp app = ForkedApp.start(workDir).awaitHealthy()) {
            assertThat(app.client("sales1").get("/api/orders/" + orderId).json().get("revision").asInt())
                    .isEqualTo(2);
            assertThat(latestVersions(app.client("admin"))).isEqualTo(versionsAfterFirstStart);
        }
    }

    private static Map<String, String> durabilitySettings(ForkedApp app) throws SQLException {
        Map<String, String> settings = new java.util.HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.postgresPort()
                + "/postgres", "postgres", "");
                ResultSet rows = db.createStatement().executeQuery("SELECT name, setting FROM pg_settings"
                        + " WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')")) {
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2));
            }
        }
        return settings;
    }

    private static JsonNode latestVersions(ApiClient admin) {
        return admin.get("/engine-rest/process-definition?latestVersion=true&sortBy=key&sortOrder=asc").json();
    }

    private static long emlFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
