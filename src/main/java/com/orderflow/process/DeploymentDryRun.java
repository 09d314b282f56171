package com.orderflow.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deployment tried and taken back: the checks run, the engine deploys the changed files in a transaction of
 * its own, Camunda's migration plan validation is asked about the running instances of every changed process,
 * and the transaction is rolled back, so nothing is deployed, migrated or seen by anyone else meanwhile.
 */
@Component
class DeploymentDryRun {

    /** One changed process: its new version and what a migration could do with the instances of older ones. */
    record ProcessMigration(String key, int toVersion, List<ProcessMigrator.VersionMapping> fromVersions) {
    }

    record DryRunOutcome(List<String> changedResources, List<String> newVersions,
            List<ProcessMigration> migrations) {
    }

    private final ProcessDeployer deployer;
    private final ProcessMigrator migrator;
    private final RepositoryService repository;
    private final TransactionTemplate takenBack;

    DeploymentDryRun(ProcessDeployer deployer, ProcessMigrator migrator, RepositoryService repository,
            PlatformTransactionManager transactions) {
        this.deployer = deployer;
        this.migrator = migrator;
        this.repository = repository;
        this.takenBack = new TransactionTemplate(transactions);
        this.takenBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    DryRunOutcome run(String location) {
        Map<String, byte[]> resources = deployer.checkedResources(location);
        return takenBack.execute(status -> {
            status.setRollbackOnly();
            String before = latestDeploymentId();
            DeploymentWithDefinitions deployment = deployer.deployChanged(resources);
            // With nothing changed the engine answers the latest deployment instead of a new one.
            List<String> changed = deployment.getId().equals(before) ? List.of()
                    : List.copyOf(repository.getDeploymentResourceNames(deployment.getId()));
            List<ProcessMigration> migrations = new ArrayList<>();
            List<ProcessDefinition> deployed = deployment.getDeployedProcessDefinitions();
            if (deployed != null) {
                for (ProcessDefinition definition : deployed) {
                    migrations.add(new ProcessMigration(definition.getKey(), definition.getVersion(),
                            migrator.mappingsTo(definition)));
                }
            }
            return new DryRunOutcome(changed.stream().sorted().toList(),
                    ProcessDeployer.outcome(deployment).newVersions(), migrations);
        });
    }

    private String latestDeploymentId() {
        var latest = repository.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().listPage(0, 1);
        return latest.isEmpty() ? "" : latest.get(0).getId();
    }
}
