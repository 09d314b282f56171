package com.orderflow.process;

import static com.orderflow.process.ProcessFolderCopy.replace;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.ForkedApp;

/**
 * The analyst's loop on the embedded default, in an app of its own: the app reads {@code ./processes/} of its
 * working directory, the analyst edits the finance threshold there and saves, an admin deploys over the API, and
 * the next request follows the new rule, with no restart. Once with {@code file:./processes/} set, once with
 * nothing set, started as {@code mvn spring-boot:run} starts it.
 */
class ProcessesFolderOnDiskIT {

    @Test
    void aRelativeFileLocationIsReadFromTheWorkingDirectory(@TempDir Path workDir) throws Exception {
        ProcessFolderCopy.of(workDir.resolve("processes"));
        try (ForkedApp app = ForkedApp.start(workDir, "--orderflow.processes.location=file:./processes/")
                .awaitHealthy()) {
            editTheThresholdAndDeploy(app, workDir.resolve("processes"));
        }
    }

    @Test
    void springBootRunReadsTheFolderOnDiskWithoutAnySetting(@TempDir Path workDir) throws Exception {
        ProcessFolderCopy.of(workDir.resolve("processes"));
        try (ForkedApp app = ForkedApp.startLikeSpringBootRun(workDir).awaitHealthy()) {
            editTheThresholdAndDeploy(app, workDir.resolve("processes"));
        }
    }

    @Test
    void startUpStopsOnAFolderThatBreaksWhatCodeReliesOn(@TempDir Path workDir) throws Exception {
        Path processes = ProcessFolderCopy.of(workDir.resolve("processes"));
        replace(processes.resolve("order-closing.bpmn"), "${closeOrderDelegate}", "${closeTheOrderDelegate}");
        try (ForkedApp app = ForkedApp.start(workDir, "--orderflow.processes.location=" + processes.toUri())) {
            assertThat(app.awaitExit(Duration.ofSeconds(300))).isNotZero();
            assertThat(app.output()).contains("order-closing.bpmn [close-order]").contains("closeTheOrderDelegate");
        }
    }

    private static void editTheThresholdAndDeploy(ForkedApp app, Path processes) throws IOException {
        ApiClient sales = app.client("sales1");
        long customer = Fixtures.customer(sales, "Folder Buyer");
        assertThat(requiredApprovals(sales, customer)).as("a 1,000 change is below the shipped 10,000").isEmpty();

        replace(processes.resolve("modification-approval.dmn"), "&gt; 10000", "&gt; 500");
        var deployed = app.client("admin").post("/api/admin/processes/deploy", "");
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
        assertThat(StreamSupport.stream(deployed.json().get("newVersions").spliterator(), false)
                .map(v -> v.get("key").asText())).containsExactly("modification-approval");

        assertThat(requiredApprovals(sales, customer)).as("the saved rule: more than 500 needs finance")
                .containsExactly("finance");
    }

    /** Files a request that grows the total by 1,000 (2 x 1500 to 2 x 2000) and answers its approver groups. */
    private static List<String> requiredApprovals(ApiClient sales, long customer) {
        long order = Fixtures.order(sales, customer).get("id").asLong();
        var filed = sales.post("/api/orders/" + order + "/modification-requests", Map.of("reason",
                "CUSTOMER_REQUIREMENT", "description", "Customer asked", "changes", Map.of("lines", List.of(Map.of(
                        "sku", "PUMP-7", "description", "Industrial pump", "quantity", 2, "unitPrice", "2000.00")))));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String path = "/api/modification-requests/" + filed.json().get("id").asLong();
        Await.until("the approvers are decided", () -> !"SUBMITTED".equals(sales.get(path).json().get("status")
                .asText()));
        JsonNode groups = sales.get(path).json().get("requiredApprovals");
        return StreamSupport.stream(groups.spliterator(), false).map(JsonNode::asText).toList();
    }
}
