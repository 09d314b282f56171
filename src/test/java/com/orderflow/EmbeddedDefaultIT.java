package com.orderflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.orderflow.support.ApiClient;
import com.orderflow.support.Fixtures;

/** The embedded default of `mvn spring-boot:run` (H2 file database, .eml mail), started twice on one folder. */
class EmbeddedDefaultIT {

    @Test
    void startsOnH2KeepsDataAcrossARestartAndDeploysNothingNewTheSecondTime(@TempDir Path data) {
        Map<String, Integer> versionsAfterFirstStart;
        long orderId;
        try (var app = start(data)) {
            var admin = client(app, "admin");
            assertThat(client(app, null).get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
            var sales1 = client(app, "sales1");
            orderId = Fixtures.order(sales1, Fixtures.customer(sales1, "H2 Smoke Ltd")).get("id").asLong();
            assertThat(admin.get("/api/orders/" + orderId).status()).isEqualTo(200);
            versionsAfterFirstStart = versions(app);
            assertThat(versionsAfterFirstStart).isNotEmpty();
        }
        try (var app = start(data)) {
            assertThat(client(app, "sales1").get("/api/orders/" + orderId).status()).isEqualTo(200);
            assertThat(versions(app)).isEqualTo(versionsAfterFirstStart);
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        // Arguments, not default properties: application.yml would override those.
        return new SpringApplicationBuilder(OrderflowApplication.class)
                .run("--server.port=0", "--camunda.bpm.process-engine-name=embedded-default-smoke",
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("orderflow").toAbsolutePath(),
                        "--orderflow.mail.directory=" + data.resolve("mail").toAbsolutePath());
    }

    private static ApiClient client(ConfigurableApplicationContext app, String user) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return new ApiClient(port, user, user);
    }

    private static Map<String, Integer> versions(ConfigurableApplicationContext app) {
        return app.getBean(RepositoryService.class).createProcessDefinitionQuery().latestVersion().list().stream()
                .collect(java.util.stream.Collectors.toMap(ProcessDefinition::getKey, ProcessDefinition::getVersion));
    }
}
