package com.orderflow.process;

import static com.orderflow.process.ProcessFolderCopy.replace;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
 * An admin asks what a deployment of the analysts' folder would do before doing it: which files changed, which
 * versions they would get, and per changed process which running instances a migration could move and which it
 * could not; nothing is deployed and nothing moves.
 */
class DeploymentDryRunIT extends IntegrationTest {

    private static final String PROBE_KEY = "dry-run-probe";
    /** start → stays → {@code %s} → end; version 2 renames the second task, so who waits there cannot be mapped. */
    private static final String PROBE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="dry-run-probe-definitions"
                targetNamespace="http://orderflow/test">
              <bpmn:process id="dry-run-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="stays"/>
                <bpmn:userTask id="stays" camunda:candidateGroups="camunda-admin"/>
                <bpmn:sequenceFlow id="f2" sourceRef="stays" targetRef="%1$s"/>
                <bpmn:userTask id="%1$s" camunda:candidateGroups="camunda-admin"/>
                <bpmn:sequenceFlow id="f3" sourceRef="%1$s" targetRef="end"/>
                <bpmn:endEvent id="end"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Autowired
    TestProcessesFolder folder;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    private final List<String> probes = new java.util.ArrayList<>();

    @AfterEach
    void cleanUp() {
        folder.reset();
        probes.forEach(id -> runtime.deleteProcessInstanceIfExists(id, "test over", true, true, true, true));
    }

    @Test
    void aDryRunAnswersNewVersionsAndWhichInstancesCouldMoveAndDeploysNothing(@TempDir Path copy) throws IOException {
        ProcessFolderCopy.of(copy);
        Files.writeString(copy.resolve("dry-run-probe.bpmn"), PROBE.formatted("goes"));
        folder.use(copy.toUri().toString());
        ApiClient admin = as("admin");
        assertThat(admin.post("/api/admin/processes/deploy", "").status()).isEqualTo(200);
        ProcessDefinition probe = latest(PROBE_KEY);
        String waitsInStays = start(probe, "stays");
        String waitsInGoes = start(probe, "goes");
        String request = requestAwaitingFinance();

        Files.writeString(copy.resolve("dry-run-probe.bpmn"), PROBE.formatted("went"));
        replace(copy.resolve("modification-approval.dmn"), "&gt; 10000", "&gt; 500");
        replace(copy.resolve("order-modification.bpmn"), "</bpmn:definitions>",
                "<!-- finance from 500 -->\n</bpmn:definitions>");
        Map<String, Integer> processes = latestProcessVersions();
        Map<String, Integer> decisions = latestDecisionVersions();
        long deployments = repository.createDeploymentQuery().count();

        var dryRun = admin.post("/api/admin/processes/deploy?dryRun=true", "");
        assertThat(dryRun.status()).as(dryRun.text()).isEqualTo(200);
        JsonNode answer = dryRun.json();
        assertThat(answer.get("dryRun").asBoolean()).isTrue();
        assertThat(texts(answer.get("changedResources"))).containsExactlyInAnyOrder("dry-run-probe.bpmn",
                "modification-approval.dmn", "order-modification.bpmn");
        Map<String, Integer> newVersions = new HashMap<>();
        answer.get("newVersions").forEach(v -> newVersions.put(v.get("key").asText(), v.get("version").asInt()));
        assertThat(newVersions).containsOnly(Map.entry(PROBE_KEY, probe.getVersion() + 1),
                Map.entry("modification-approval", decisions.get("modification-approval") + 1),
                Map.entry("order-modification", processes.get("order-modification") + 1));

        JsonNode probeMigration = migration(answer, PROBE_KEY);
        assertThat(probeMigration.get("toVersion").asInt()).isEqualTo(probe.getVersion() + 1);
        JsonNode fromProbe = from(probeMigration, probe.getVersion());
        assertThat(texts(fromProbe.get("mappable"))).containsExactly(waitsInStays);
        assertThat(fromProbe.get("unmappable")).singleElement().satisfies(skipped -> {
            assertThat(skipped.get("processInstanceId").asText()).isEqualTo(waitsInGoes);
            assertThat(skipped.get("reason").asText()).contains("goes");
        });
        JsonNode modification = migration(answer, "order-modification");
        assertThat(StreamSupport.stream(modification.get("fromVersions").spliterator(), false)
                .flatMap(v -> texts(v.get("mappable")).stream())).contains(request);

        assertThat(latestProcessVersions()).as("nothing deployed").isEqualTo(processes);
        assertThat(latestDecisionVersions()).isEqualTo(decisions);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(definitionOf(waitsInStays)).as("nothing migrated").isEqualTo(probe.getId());
        assertThat(admin.post("/api/admin/processes/deploy?dryRun=true", "").json().get("newVersions"))
                .as("asked again, the same answer").isEqualTo(answer.get("newVersions"));
    }

    @Test
    void aDryRunOfAnUnchangedFolderHasNothingToDeploy() {
        var dryRun = as("admin").post("/api/admin/processes/deploy?dryRun=true", "");
        assertThat(dryRun.status()).as(dryRun.text()).isEqualTo(200);
        assertThat(dryRun.json().get("changedResources")).isEmpty();
        assertThat(dryRun.json().get("newVersions")).isEmpty();
        assertThat(dryRun.json().get("migrations")).isEmpty();
    }

    private String start(ProcessDefinition probe, String activity) {
        String id = runtime.createProcessInstanceById(probe.getId()).startBeforeActivity(activity).execute().getId();
        probes.add(id);
        return id;
    }

    /** A request that a 20 % discount sends to finance: its instance waits in approve-modification. */
    private String requestAwaitingFinance() {
        ApiClient sales = as("sales1");
        long order = Fixtures.order(sales, Fixtures.customer(sales, "Dry Run Buyer")).get("id").asLong();
        var filed = sales.post("/api/orders/" + order + "/modification-requests", Map.of("reason",
                "CUSTOMER_REQUIREMENT", "description", "Customer asked", "changes", Map.of("discountPercent", 20)));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String path = "/api/modification-requests/" + filed.json().get("id").asLong();
        Await.until("the request waits for its approvers",
                () -> "IN_APPROVAL".equals(sales.get(path).json().get("status").asText()));
        return filed.json().get("processInstanceId").asText();
    }

    private static JsonNode migration(JsonNode answer, String key) {
        return StreamSupport.stream(answer.get("migrations").spliterator(), false)
                .filter(m -> key.equals(m.get("key").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no migration for " + key + " in " + answer));
    }

    private static JsonNode from(JsonNode migration, int version) {
        return StreamSupport.stream(migration.get("fromVersions").spliterator(), false)
                .filter(v -> v.get("fromVersion").asInt() == version).findFirst()
                .orElseThrow(() -> new AssertionError("no version " + version + " in " + migration));
    }

    private ProcessDefinition latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private String definitionOf(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getProcessDefinitionId();
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
}
