package com.orderflow.process;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/** What is deployed now: the file a definition came from. */
@Component
class DeployedResources {

    private static final String UNKNOWN_FILE = "(no file of the folder)";

    private final RepositoryService repository;

    DeployedResources(RepositoryService repository) {
        this.repository = repository;
    }

    /** The file the latest version of this process came from, so a missing key is reported where it was. */
    String processFile(String key) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
        return latest == null ? UNKNOWN_FILE : latest.getResourceName();
    }

    String decisionFile(String key) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        return latest == null ? UNKNOWN_FILE : latest.getResourceName();
    }
}
