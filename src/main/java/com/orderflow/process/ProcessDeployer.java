package com.orderflow.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Deploys the processes folder: BPMN, DMN and Camunda Forms, changed resources only, so a restart
 * without changes creates no versions and one changed diagram gets exactly one new version.
 * Every file is parsed first; if any does not parse, nothing is deployed.
 */
@Service
public class ProcessDeployer {

    static final String DEPLOYMENT_NAME = "orderflow";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    public record DeploymentOutcome(String deploymentId, List<String> newVersions) {
    }

    private final RepositoryService repositoryService;
    private final ObjectMapper json;

    ProcessDeployer(RepositoryService repositoryService, ObjectMapper json) {
        this.repositoryService = repositoryService;
        this.json = json;
    }

    public DeploymentOutcome deploy(String location) {
        Map<String, byte[]> resources = ProcessResources.read(location);
        List<DeploymentProblem> problems = new ArrayList<>();
        resources.forEach((name, content) -> validate(name, content, problems));
        if (!problems.isEmpty()) {
            throw new InvalidProcessResourceException(problems, null);
        }
        DeploymentBuilder builder = repositoryService.createDeployment().name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME).enableDuplicateFiltering(true);
        resources.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
        try {
            DeploymentOutcome outcome = outcome(builder.deployWithResult());
            log.info("Deployed {} from {}: new versions {}", resources.keySet(), location, outcome.newVersions());
            return outcome;
        } catch (ParseException e) {
            throw new InvalidProcessResourceException(problems(e), e);
        }
    }

    private static DeploymentOutcome outcome(DeploymentWithDefinitions deployment) {
        List<String> versions = new ArrayList<>();
        if (deployment.getDeployedProcessDefinitions() != null) {
            deployment.getDeployedProcessDefinitions().forEach(d -> versions.add(d.getKey() + ":" + d.getVersion()));
        }
        if (deployment.getDeployedDecisionDefinitions() != null) {
            deployment.getDeployedDecisionDefinitions().forEach(d -> versions.add(d.getKey() + ":" + d.getVersion()));
        }
        return new DeploymentOutcome(deployment.getId(), versions);
    }

    private void validate(String name, byte[] content, List<DeploymentProblem> problems) {
        try {
            if (!name.endsWith(".form")) {
                requireWellFormedXml(content);
            }
            if (name.endsWith(".bpmn")) {
                Bpmn.readModelFromStream(new ByteArrayInputStream(content));
            } else if (name.endsWith(".dmn")) {
                Dmn.readModelFromStream(new ByteArrayInputStream(content));
            } else {
                json.readTree(content);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new DeploymentProblem(name, at == null ? null : at.getLineNr(),
                    at == null ? null : at.getColumnNr(), e.getOriginalMessage()));
        } catch (SAXParseException e) {
            problems.add(new DeploymentProblem(name, e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
        } catch (IOException | RuntimeException | SAXException | ParserConfigurationException e) {
            problems.add(xmlProblem(name, e));
        }
    }

    /** Plain XML parsing first, because it reports the line and column of the first error. */
    private static void requireWellFormedXml(byte[] content)
            throws SAXException, IOException, ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        builder.parse(new ByteArrayInputStream(content));
    }

    private static DeploymentProblem xmlProblem(String name, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException sax) {
                return new DeploymentProblem(name, sax.getLineNumber(), sax.getColumnNumber(), sax.getMessage());
            }
        }
        return new DeploymentProblem(name, null, null, e.getMessage());
    }

    private static List<DeploymentProblem> problems(ParseException e) {
        List<DeploymentProblem> problems = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            report.getErrors().forEach(p -> problems.add(
                    new DeploymentProblem(report.getResourceName(), p.getLine(), p.getColumn(), p.getMessage())));
        }
        if (problems.isEmpty()) {
            problems.add(new DeploymentProblem("?", null, null, e.getMessage()));
        }
        return problems;
    }
}
