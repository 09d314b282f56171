package com.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.orderflow.support.IntegrationTest;
import com.orderflow.support.ForkedApp;

class ProcessDeploymentIT extends IntegrationTest {

    private static final String PROBE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="probe" targetNamespace="http://orderflow/test">
              <bpmn:process id="deployment-probe" name="%s" isExecutable="true" camunda:historyTimeToLive="P30D">
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end"/>
                <bpmn:endEvent id="end"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Autowired
    ProcessDeployer deployer;

    @Autowired
    RepositoryService repository;

    @Test
    void formsFromTheProcessesFolderAreDeployed() {
        List<String> resources = repository.createDeploymentQuery().deploymentName("orderflow").list().stream()
                .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream()).toList();
        assertThat(resources).contains("forms/approve-modification.form");
    }

    @Test
    void onlyChangedResourcesGetNewVersions(@TempDir Path folder) throws IOException {
        ProcessFolderCopy.of(folder);
        Files.writeString(folder.resolve("probe.bpmn"), PROBE.formatted("Probe"));
        Files.writeString(folder.resolve("forms/probe.form"), "{\"id\":\"probe\",\"type\":\"default\",\"components\":[]}");
        String location = folder.toUri().toString();

        deployer.deploy(location);
        int first = latestProbeVersion();
        var unchanged = deployer.deploy(location);
        assertThat(unchanged.newVersions()).isEmpty();
        assertThat(latestProbeVersion()).isEqualTo(first);

        Files.writeString(folder.resolve("probe.bpmn"), PROBE.formatted("Probe, renamed by an analyst"));
        var changed = deployer.deploy(location);
        assertThat(changed.newVersions()).containsExactly("deployment-probe:" + (first + 1));
        assertThat(latestProbeVersion()).isEqualTo(first + 1);
    }

    @Test
    void aBrokenDiagramIsRefusedNamingTheFileAndNothingIsDeployed(@TempDir Path folder) throws IOException {
        ProcessFolderCopy.of(folder);
        Files.writeString(folder.resolve("probe.bpmn"), PROBE.formatted("Probe"));
        deployer.deploy(folder.toUri().toString());
        int before = latestProbeVersion();
        long deployments = repository.createDeploymentQuery().count();

        Files.writeString(folder.resolve("probe.bpmn"), PROBE.formatted("Changed"));
        Files.writeString(folder.resolve("broken.bpmn"), "<bpmn:definitions xmlns:bpmn=\"x\">\n<unclosed>");
        assertThatThrownBy(() -> deployer.deploy(folder.toUri().toString()))
                .isInstanceOf(InvalidProcessResourceException.class)
                .hasMessageContaining("broken.bpmn")
                .satisfies(e -> assertThat(((InvalidProcessResourceException) e).getProblems())
                        .allSatisfy(p -> assertThat(p.line()).isNotNull()));
        assertThat(latestProbeVersion()).isEqualTo(before);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void startUpStopsOnADiagramThatDoesNotParse(@TempDir Path folder) throws Exception {
        Path processes = Files.createDirectories(folder.resolve("processes"));
        Files.writeString(processes.resolve("broken-at-startup.bpmn"), "<definitions>\n  <process id=\"x\">\n</definitions>");
        try (ForkedApp app = ForkedApp.start(folder, "--orderflow.processes.location=" + processes.toUri())) {
            assertThat(app.awaitExit(Duration.ofSeconds(300))).isNotZero();
            assertThat(app.output()).contains("broken-at-startup.bpmn:3");
        }
    }

    private int latestProbeVersion() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("deployment-probe").latestVersion()
                .singleResult().getVersion();
    }
}
