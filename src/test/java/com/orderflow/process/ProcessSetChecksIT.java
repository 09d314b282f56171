package com.orderflow.process;

import static com.orderflow.process.ProcessFolderCopy.replace;
import static com.orderflow.process.ProcessFolderCopy.replaceFirst;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.IntegrationTest;

/**
 * An analyst's folder that parses but breaks what orderflow relies on is refused over the API with 400 naming the
 * file and the element, and nothing of it is deployed, not even the files that are fine. Only admins deploy, here
 * and over /engine-rest.
 */
class ProcessSetChecksIT extends IntegrationTest {

    /** One way to break the folder, the file and element the answer must name, and a word of its message. */
    record Breakage(String name, Edit edit, String file, String element, String says) {

        @Override
        public String toString() {
            return name;
        }
    }

    interface Edit {
        void apply(Path folder) throws IOException;
    }

    @Autowired
    TestProcessesFolder folder;
    @Autowired
    RepositoryService repository;

    @AfterEach
    void restoreTheConfiguredFolder() {
        folder.reset();
    }

    static Stream<Breakage> breakages() {
        return Stream.of(
                new Breakage("a delegate bean that does not exist",
                        f -> replace(f.resolve("order-closing.bpmn"), "${closeOrderDelegate}", "${closeOrderDelegat}"),
                        "order-closing.bpmn", "close-order", "closeOrderDelegat"),
                new Breakage("a bean's method that does not exist",
                        f -> replace(f.resolve("order-modification.bpmn"), "${markWithdrawnDelegate}",
                                "${markWithdrawnDelegate.markTwice(execution)}"),
                        "order-modification.bpmn", null, "markTwice"),
                new Breakage("a task id that code queries, renamed",
                        f -> replace(f.resolve("order-modification.bpmn"), "\"resolve-conflict", "\"fix-conflict"),
                        "order-modification.bpmn", "order-modification", "resolve-conflict"),
                new Breakage("a process key that code starts, renamed",
                        f -> replace(f.resolve("send-email.bpmn"), "\"send-email\"", "\"send-mail\""),
                        "send-email.bpmn", "send-email", "send-email"),
                new Breakage("a form field that code reads, renamed",
                        f -> replace(f.resolve("forms/approve-modification.form"), "\"key\": \"approved\"",
                                "\"key\": \"approvedFlag\""),
                        "forms/approve-modification.form", "approve-modification", "approved"),
                new Breakage("a variable that code reads, no longer written",
                        f -> replace(f.resolve("order-modification.bpmn"), "camunda:resultVariable=\"approverGroups\"",
                                "camunda:resultVariable=\"groupsToAsk\""),
                        "order-modification.bpmn", "order-modification", "approverGroups"),
                new Breakage("a DMN output that is no group",
                        f -> replaceFirst(f.resolve("modification-approval.dmn"), "<text>\"finance\"</text>",
                                "<text>\"finace\"</text>"),
                        "modification-approval.dmn", ruleOfFirstFinance(), "finace"),
                new Breakage("a form that a user task shows, removed",
                        f -> Files.delete(f.resolve("forms/review-findings.form")),
                        "closed-order-review.bpmn", "review-findings", "review-findings"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void aFolderThatBreaksWhatCodeReliesOnIsRefusedNamingFileAndElement(Breakage breakage, @TempDir Path copy)
            throws IOException {
        ProcessFolderCopy.of(copy);
        // A good change beside the bad one: it must not be deployed either.
        replace(copy.resolve("modification-approval.dmn"), "&gt; 10000", "&gt; 9000");
        breakage.edit().apply(copy);
        Map<String, Integer> processes = latestProcessVersions();
        Map<String, Integer> decisions = latestDecisionVersions();
        long deployments = repository.createDeploymentQuery().count();
        folder.use(copy.toUri().toString());

        for (String path : List.of("/api/admin/processes/deploy", "/api/admin/processes/deploy?dryRun=true")) {
            var refused = as("admin").post(path, "");
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).contains(breakage.file());
            List<JsonNode> problems = StreamSupport.stream(refused.json().get("problems").spliterator(), false)
                    .filter(p -> breakage.file().equals(p.get("file").asText())).toList();
            assertThat(problems).as(refused.text()).anySatisfy(p -> {
                if (breakage.element() != null) {
                    assertThat(p.get("element").asText()).isEqualTo(breakage.element());
                } else {
                    assertThat(p.get("element").asText()).isNotBlank();
                }
                assertThat(p.get("message").asText()).contains(breakage.says());
            });
        }
        assertThat(latestProcessVersions()).isEqualTo(processes);
        assertThat(latestDecisionVersions()).isEqualTo(decisions);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void theShippedFolderPassesEveryCheck() {
        var dryRun = as("admin").post("/api/admin/processes/deploy?dryRun=true", "");
        assertThat(dryRun.status()).as(dryRun.text()).isEqualTo(200);
        assertThat(dryRun.json().get("dryRun").asBoolean()).isTrue();
    }

    @Test
    void onlyAdminsDeployOrTryADeployment(@TempDir Path copy) throws IOException {
        ProcessFolderCopy.of(copy);
        replace(copy.resolve("modification-approval.dmn"), "&gt; 10000", "&gt; 8000");
        folder.use(copy.toUri().toString());
        Map<String, Integer> decisions = latestDecisionVersions();
        for (String user : List.of("sales1", "manager1", "finance1", "legal1")) {
            for (String path : List.of("/api/admin/processes/deploy", "/api/admin/processes/deploy?dryRun=true")) {
                var refused = as(user).post(path, "");
                assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(anonymous().post("/api/admin/processes/deploy?dryRun=true", "").status()).isEqualTo(401);
        assertThat(as("admin").post("/api/admin/processes/deploy?dryRun=maybe", "").status()).isEqualTo(400);
        assertThat(latestDecisionVersions()).isEqualTo(decisions);
    }

    @Test
    void aSalesRepCannotDeployTheUncheckedFolderOverEngineRest(@TempDir Path copy) throws IOException {
        ProcessFolderCopy.of(copy);
        replace(copy.resolve("modification-approval.dmn"), "&gt; 10000", "&gt; 1");
        Map<String, Integer> decisions = latestDecisionVersions();
        long deployments = repository.createDeploymentQuery().count();

        ApiClient sales = as("sales1");
        var attempt = deployOverEngineRest(sales, copy.resolve("modification-approval.dmn"));
        assertThat(attempt.status()).as(attempt.text()).isEqualTo(403);
        assertThat(latestDecisionVersions()).isEqualTo(decisions);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    /** A multipart deployment under orderflow's own deployment name, as a rep skipping the checks would try. */
    private static ApiClient.Response deployOverEngineRest(ApiClient user, Path file) throws IOException {
        String boundary = "----analyst" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + ProcessDeployer.DEPLOYMENT_NAME
                + "\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"" + file.getFileName() + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + Files.readString(file) + "\r\n"
                + "--" + boundary + "--\r\n";
        return user.postRaw("/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the rule whose output is the first "finance" of the shipped table. */
    private static String ruleOfFirstFinance() {
        try {
            String dmn = Files.readString(Path.of("processes/modification-approval.dmn"));
            String before = dmn.substring(0, dmn.indexOf("<text>\"finance\"</text>"));
            Matcher rule = Pattern.compile("<rule id=\"([^\"]+)\"").matcher(before);
            String id = null;
            while (rule.find()) {
                id = rule.group(1);
            }
            return id;
        } catch (IOException e) {
            throw new IllegalStateException(e);
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
}
