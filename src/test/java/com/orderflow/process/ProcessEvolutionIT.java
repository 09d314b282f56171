package com.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/**
 * An analyst changes the approval rules in a copy of the processes folder; an admin deploys it and
 * migrates the running requests over the API. New requests follow the new rule, a migrated request
 * runs to its end, and a folder with a broken diagram changes nothing.
 */
class ProcessEvolutionIT extends IntegrationTest {

    @Autowired
    TestProcessesFolder folder;
    @Autowired
    ProcessDeployer deployer;
    @Autowired
    ProcessesProperties properties;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;

    @AfterEach
    void restoreTheConfiguredFolder() {
        folder.reset();
        // Later tests in this JVM expect the rules as shipped: deploy them again (only what differs).
        deployer.deploy(properties.location());
    }

    @Test
    void aLowerThresholdAppliesToNewRequestsAndAMigratedRequestRunsToItsEnd(@TempDir Path copy) throws IOException {
        ApiClient sales = as("sales1");
        long customer = Fixtures.customer(sales, "Evolution Buyer");
        JsonNode running = submit(sales, Fixtures.order(sales, customer).get("id").asLong(),
                Map.of("discountPercent", 20));
        assertThat(texts(running.get("requiredApprovals"))).containsExactly("finance");
        JsonNode before = submit(sales, Fixtures.order(sales, customer).get("id").asLong(), Map.of("lines", lines()));
        assertThat(texts(before.get("requiredApprovals"))).as("a 1,000 change is below the shipped 10,000").isEmpty();
        String oldDefinition = definitionOf(running);

        copyProcesses(copy);
        replace(copy.resolve("modification-approval.dmn"), "&gt; 10000", "&gt; 500");
        replace(copy.resolve("order-modification.bpmn"), "name=\"结单修改 Order modification\"",
                "name=\"结单修改 Order modification (finance from 500)\"");
        folder.use(copy.toUri().toString());

        ApiClient admin = as("admin");
        assertThat(as("manager1").post("/api/admin/processes/deploy", "").status()).isEqualTo(403);
        var deployed = admin.post("/api/admin/processes/deploy", "");
        assertThat(deployed.status()).as(deployed.text()).isEqualTo(200);
        Map<String, Integer> newVersions = new HashMap<>();
        deployed.json().get("newVersions").forEach(v -> newVersions.put(v.get("key").asText(), v.get("version").asInt()));
        assertThat(newVersions).containsOnlyKeys("order-modification", "modification-approval");
        assertThat(newVersions.get("order-modification")).isEqualTo(latestProcessVersions().get("order-modification"));

        JsonNode after = submit(sales, Fixtures.order(sales, customer).get("id").asLong(), Map.of("lines", lines()));
        assertThat(texts(after.get("requiredApprovals"))).as("the new rule: more than 500 needs finance")
                .containsExactly("finance");

        var migration = admin.post("/api/admin/processes/order-modification/migrate", "");
        assertThat(migration.status()).as(migration.text()).isEqualTo(200);
        List<String> batchIds = texts(migration.json().get("batchIds"));
        assertThat(batchIds).isNotEmpty();
        for (String batchId : batchIds) {
            // Other tests' instances share this database and may end while the batch runs; a batch job for
            // an instance that no longer exists fails (Camunda keeps it as an incident on the batch), which
            // is why the batch is awaited until every job ran rather than until all succeeded.
            Await.until("batch " + batchId + " ran every job", Duration.ofSeconds(90), () -> {
                JsonNode progress = admin.get("/api/admin/processes/batches/" + batchId).json();
                return progress.get("done").asBoolean() || progress.get("completedJobs").asInt()
                        + progress.get("failedJobs").asInt() == progress.get("totalJobs").asInt();
            });
        }
        String latest = repository.createProcessDefinitionQuery().processDefinitionKey("order-modification")
                .latestVersion().singleResult().getId();
        assertThat(definitionOf(running)).isEqualTo(latest).isNotEqualTo(oldDefinition);

        decide(running.get("processInstanceId").asText(), "finance1");
        Await.until("the migrated request is applied", () -> "APPLIED".equals(
                sales.get("/api/modification-requests/" + running.get("id").asLong()).json().get("status").asText()));
        assertThat(as("admin").get("/api/admin/processes/batches/unknown-batch").status()).isEqualTo(404);
    }

    @Test
    void aBrokenDiagramIsRefusedWith400AndNoDefinitionChanges(@TempDir Path copy) throws IOException {
        copyProcesses(copy);
        replace(copy.resolve("modification-approval.dmn"), "&gt; 10000", "&gt; 777");
        Files.writeString(copy.resolve("broken-by-analyst.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
                  <bpmn:process id="broken" isExecutable="true">
                    <bpmn:startEvent id="start">
                  </bpmn:process>
                </bpmn:definitions>
                """);
        Map<String, Integer> processes = latestProcessVersions();
        Map<String, Integer> decisions = latestDecisionVersions();
        long deployments = repository.createDeploymentQuery().count();
        folder.use(copy.toUri().toString());

        var refused = as("admin").post("/api/admin/processes/deploy", "");
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("broken-by-analyst.bpmn");
        JsonNode problem = refused.json().get("problems").get(0);
        assertThat(problem.get("file").asText()).isEqualTo("broken-by-analyst.bpmn");
        assertThat(problem.get("line").asInt()).isPositive();
        assertThat(problem.get("message").asText()).isNotBlank();

        assertThat(latestProcessVersions()).isEqualTo(processes);
        assertThat(latestDecisionVersions()).isEqualTo(decisions);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aBrokenRuleLeavesTheRequestSubmittedWithAnIncidentUntilTheRuleIsFixedAndTheJobRetried(@TempDir Path copy)
            throws IOException {
        copyProcesses(copy);
        replace(copy.resolve("modification-approval.dmn"), "&gt; 15", "&gt;&gt; 15");
        folder.use(copy.toUri().toString());
        ApiClient admin = as("admin");
        assertThat(admin.post("/api/admin/processes/deploy", "").status()).isEqualTo(200);

        ApiClient sales = as("sales1");
        long orderId = Fixtures.order(sales, Fixtures.customer(sales, "Broken Rule Buyer")).get("id").asLong();
        var filed = sales.post("/api/orders/" + orderId + "/modification-requests", Map.of(
                "reason", "CUSTOMER_REQUIREMENT", "description", "Customer asked", "changes",
                Map.of("discountPercent", 20)));
        assertThat(filed.status()).as("filing does not wait for the rules").isEqualTo(201);
        String request = "/api/modification-requests/" + filed.json().get("id").asLong();
        String pid = filed.json().get("processInstanceId").asText();
        Await.until("the failing decision ends in an incident", () -> runtime.createIncidentQuery()
                .processInstanceId(pid).count() == 1);
        assertThat(sales.get(request).json().get("status").asText()).as("nothing is lost").isEqualTo("SUBMITTED");

        folder.reset();
        deployer.deploy(properties.location());
        management.setJobRetries(management.createJobQuery().processInstanceId(pid).singleResult().getId(), 1);
        Await.until("the retried job decides the approvers",
                () -> "IN_APPROVAL".equals(sales.get(request).json().get("status").asText()));
        assertThat(texts(sales.get(request).json().get("requiredApprovals"))).containsExactly("finance");
        assertThat(runtime.createIncidentQuery().processInstanceId(pid).count()).isZero();
    }

    private JsonNode submit(ApiClient sales, long orderId, Map<String, Object> changes) {
        var response = sales.post("/api/orders/" + orderId + "/modification-requests",
                Map.of("reason", "CUSTOMER_REQUIREMENT", "description", "Customer asked", "changes", changes));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        // The approvers are decided right after filing, by the process in the background.
        String request = "/api/modification-requests/" + response.json().get("id").asLong();
        Await.until("the approvers of " + request + " are decided",
                () -> !"SUBMITTED".equals(sales.get(request).json().get("status").asText()));
        return sales.get(request).json();
    }

    /** 2 x 2000 instead of 2 x 1500: the total grows by 1,000. */
    private static List<Map<String, Object>> lines() {
        return List.of(Map.of("sku", "PUMP-7", "description", "Industrial pump", "quantity", 2,
                "unitPrice", "2000.00"));
    }

    private String definitionOf(JsonNode request) {
        return runtime.createProcessInstanceQuery().processInstanceId(request.get("processInstanceId").asText())
                .singleResult().getProcessDefinitionId();
    }

    private void decide(String processInstanceId, String user) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId())
                .toList();
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskCandidateGroupIn(groups)
                .singleResult();
        assertThat(task).as("a task for " + user).isNotNull();
        identity.setAuthentication(user, groups);
        try {
            tasks.complete(task.getId(), Map.of("approved", true, "comment", "ok"));
        } finally {
            identity.clearAuthentication();
        }
    }

    private Map<String, Integer> latestProcessVersions() {
        return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .collect(Collectors.toMap(ProcessDefinition::getKey, ProcessDefinition::getVersion));
    }

    private Map<String, Integer> latestDecisionVersions() {
        return repository.createDecisionDefinitionQuery().latestVersion().list().stream()
                .collect(Collectors.toMap(DecisionDefinition::getKey, DecisionDefinition::getVersion));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static void copyProcesses(Path target) throws IOException {
        Path source = Path.of("processes");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
