package com.orderflow.process;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Deploys the processes folder: BPMN, DMN and Camunda Forms, changed resources only, so a restart
 * without changes creates no versions and one changed diagram gets exactly one new version.
 * The whole folder is checked first ({@link ProcessSetChecks}); if any check fails, nothing is deployed.
 */
@Service
public class ProcessDeployer {

    static final String DEPLOYMENT_NAME = "orderflow";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    public record DeploymentOutcome(String deploymentId, List<String> newVersions) {
    }

    private final RepositoryService repositoryService;
    private final ProcessSetChecks checks;

    ProcessDeployer(RepositoryService repositoryService, ProcessSetChecks checks) {
        this.repositoryService = repositoryService;
        this.checks = checks;
    }

    public DeploymentOutcome deploy(String location) {
        Map<String, byte[]> resources = checkedResources(location);
        DeploymentOutcome outcome = outcome(deployChanged(resources));
        log.info("Deployed {} from {}: new versions {}", resources.keySet(), location, outcome.newVersions());
        return outcome;
    }

    /** The folder's files once every check passed; otherwise the problems of all of them, nothing deployed. */
    Map<String, byte[]> checkedResources(String location) {
        Map<String, byte[]> resources = ProcessResources.read(location);
        List<DeploymentProblem> problems = checks.problems(resources);
        if (!problems.isEmpty()) {
            throw new InvalidProcessResourceException(problems, null);
        }
        return resources;
    }

    /** Deploys the files that differ from the latest deployed ones; the engine's parse errors are problems too. */
    DeploymentWithDefinitions deployChanged(Map<String, byte[]> resources) {
        var builder = repositoryService.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(true);
        resources.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
        try {
            return builder.deployWithResult();
        } catch (ParseException e) {
            throw new InvalidProcessResourceException(problems(e), e);
        }
    }

    static DeploymentOutcome outcome(DeploymentWithDefinitions deployment) {
        List<String> versions = new ArrayList<>();
        if (deployment.getDeployedProcessDefinitions() != null) {
            deployment.getDeployedProcessDefinitions().forEach(d -> versions.add(d.getKey() + ":" + d.getVersion()));
        }
        if (deployment.getDeployedDecisionDefinitions() != null) {
            deployment.getDeployedDecisionDefinitions().forEach(d -> versions.add(d.getKey() + ":" + d.getVersion()));
        }
        return new DeploymentOutcome(deployment.getId(), versions);
    }

    private static List<DeploymentProblem> problems(ParseException e) {
        List<DeploymentProblem> problems = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            report.getErrors().forEach(p -> problems.add(new DeploymentProblem(report.getResourceName(),
                    p.getMainElementId(), p.getLine(), p.getColumn(), p.getMessage())));
        }
        if (problems.isEmpty()) {
            problems.add(new DeploymentProblem("?", null, null, e.getMessage()));
        }
        return problems;
    }
}
