package com.orderflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * The embedded default of `mvn spring-boot:run` (H2 file database under ./data, mail as .eml files
 * under ./data/mail), started twice in one folder, in its own JVM.
 */
class EmbeddedDefaultIT {

    @Test
    void runsOnH2WritesMailAsFilesAndKeepsEverythingAcrossARestart(@TempDir Path workDir) throws Exception {
        long orderId;
        JsonNode versionsAfterFirstStart;
        try (ForkedApp app = ForkedApp.start(workDir).awaitHealthy()) {
            ApiClient sales1 = app.client("sales1");
            JsonNode order = Fixtures.order(sales1, Fixtures.customer(sales1, "H2 Smoke Ltd"));
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
            app.stop();
        }
        assertThat(workDir.resolve("data")).isDirectory();
        try (ForkedApp app = ForkedApp.start(workDir).awaitHealthy()) {
            assertThat(app.client("sales1").get("/api/orders/" + orderId).json().get("revision").asInt())
                    .isEqualTo(2);
            assertThat(latestVersions(app.client("admin"))).isEqualTo(versionsAfterFirstStart);
        }
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
