package com.orderflow.process;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Process evolution for admins: deploy what changed in the processes folder, move running instances
 * to the latest version, and follow the migration batch.
 */
@RestController
@Tag(name = "Process administration", description = "Admins deploy changed BPMN, DMN and form files and move "
        + "running instances to the newest version.")
class ProcessAdminController {

    record DefinitionVersion(String key, int version) {
    }

    record DeployView(String deploymentId, String location, List<DefinitionVersion> newVersions) {
    }

    private final ProcessDeployer deployer;
    private final ProcessesFolder folder;
    private final ProcessMigrator migrator;

    ProcessAdminController(ProcessDeployer deployer, ProcessesFolder folder, ProcessMigrator migrator) {
        this.deployer = deployer;
        this.folder = folder;
        this.migrator = migrator;
    }

    @Operation(operationId = "deployProcesses", summary = "Deploy changed process files",
            description = "Deploys the files of the processes folder that changed; answers the definitions that got "
                    + "a new version. A file that does not parse answers 400 naming it, and nothing is deployed.")
    @PostMapping("/api/admin/processes/deploy")
    DeployView deploy(Actor actor) {
        requireAdmin(actor);
        String location = folder.location();
        ProcessDeployer.DeploymentOutcome outcome = deployer.deploy(location);
        List<DefinitionVersion> versions = outcome.newVersions().stream().map(v -> {
            int colon = v.lastIndexOf(':');
            return new DefinitionVersion(v.substring(0, colon), Integer.parseInt(v.substring(colon + 1)));
        }).toList();
        return new DeployView(outcome.deploymentId(), location, versions);
    }

    @Operation(operationId = "migrateProcess", summary = "Migrate running instances",
            description = "Starts batches that move the running instances of a process to its newest version; "
                    + "instances that cannot be mapped are listed and keep running.")
    @PostMapping("/api/admin/processes/{key}/migrate")
    ProcessMigrator.MigrationOutcome migrate(@PathVariable String key, Actor actor) {
        requireAdmin(actor);
        return migrator.migrateToLatest(key);
    }

    @Operation(operationId = "getMigrationBatch", summary = "Read a migration batch",
            description = "The progress of a migration batch.")
    @GetMapping("/api/admin/processes/batches/{id}")
    ProcessMigrator.BatchProgress batch(@PathVariable String id, Actor actor) {
        requireAdmin(actor);
        return migrator.progress(id);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isMemberOf(Actor.ADMINS)) {
            throw new AccessDeniedException("Only admins may deploy and migrate processes");
        }
    }
}
