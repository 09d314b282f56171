package com.orderflow.process;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

    /** What a deployment would do; {@code dryRun} is always true, so a client cannot mistake it for a deployment. */
    record DryRunView(boolean dryRun, String location, List<String> changedResources,
            List<DefinitionVersion> newVersions, List<DeploymentDryRun.ProcessMigration> migrations) {
    }

    private final ProcessDeployer deployer;
    private final DeploymentDryRun dryRuns;
    private final ProcessesFolder folder;
    private final ProcessMigrator migrator;

    ProcessAdminController(ProcessDeployer deployer, DeploymentDryRun dryRuns, ProcessesFolder folder,
            ProcessMigrator migrator) {
        this.deployer = deployer;
        this.dryRuns = dryRuns;
        this.folder = folder;
        this.migrator = migrator;
    }

    @Operation(operationId = "deployProcesses", summary = "Check and deploy changed process files",
            description = "Checks the whole processes folder (every file parses, every expression names an existing "
                    + "bean or variable, every task, form, variable and decision orderflow relies on is there, the "
                    + "approval rules give known groups, every task's form exists), then deploys the files that "
                    + "changed and answers the definitions that got a new version. Any failed check answers 400 "
                    + "naming file, element and problem, and nothing is deployed. With dryRun=true nothing is "
                    + "deployed either: the answer lists the files that changed, the versions they would get and, "
                    + "per changed process, the running instances a migration could map and those it could not.")
    @ApiResponse(responseCode = "200", description = "Deployed (DeployView), or with dryRun=true what a deployment "
            + "would do (DryRunView)", content = @Content(mediaType = "application/json",
                    schema = @Schema(oneOf = { DeployView.class, DryRunView.class })))
    @PostMapping("/api/admin/processes/deploy")
    Object deploy(@RequestParam(defaultValue = "false") boolean dryRun, Actor actor) {
        requireAdmin(actor);
        String location = folder.location();
        if (dryRun) {
            DeploymentDryRun.DryRunOutcome outcome = dryRuns.run(location);
            return new DryRunView(true, location, outcome.changedResources(), versions(outcome.newVersions()),
                    outcome.migrations());
        }
        ProcessDeployer.DeploymentOutcome outcome = deployer.deploy(location);
        return new DeployView(outcome.deploymentId(), location, versions(outcome.newVersions()));
    }

    private static List<DefinitionVersion> versions(List<String> keyColonVersion) {
        return keyColonVersion.stream().map(v -> {
            int colon = v.lastIndexOf(':');
            return new DefinitionVersion(v.substring(0, colon), Integer.parseInt(v.substring(colon + 1)));
        }).toList();
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
