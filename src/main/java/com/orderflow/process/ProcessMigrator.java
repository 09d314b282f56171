package com.orderflow.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Service;

import com.orderflow.shared.NotFoundException;

/**
 * Moves running instances of older versions of a process to its latest version: one migration plan per
 * older version (equal activity ids mapped), executed as an asynchronous batch. An instance waiting in
 * an activity that the latest version no longer has cannot be mapped; it is listed and left running on
 * its version, never half-migrated.
 */
@Service
public class ProcessMigrator {

    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    public record Skipped(String processInstanceId, String fromDefinitionId, String reason) {
    }

    public record SourceBatch(String fromDefinitionId, int fromVersion, String batchId, int instances) {
    }

    public record MigrationOutcome(String key, String toDefinitionId, int toVersion, List<SourceBatch> batches,
            List<String> batchIds, List<Skipped> notMigrated) {
    }

    /** The running instances of one older version: those a migration could map, and those it could not. */
    public record VersionMapping(String fromDefinitionId, int fromVersion, List<String> mappable,
            List<Skipped> unmappable) {
    }

    private record Assessment(MigrationPlan plan, List<String> migratable, List<Skipped> skipped) {
    }

    public record BatchProgress(String id, String type, int totalJobs, int completedJobs, int failedJobs,
            int remainingJobs, boolean done) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;
    /** Totals of the batches started here, for the progress of a batch the engine has already removed. */
    private final Map<String, Integer> startedBatches = new ConcurrentHashMap<>();

    ProcessMigrator(RepositoryService repository, RuntimeService runtime, ManagementService management,
            HistoryService history) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.history = history;
    }

    public MigrationOutcome migrateToLatest(String key) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new NotFoundException("Process", key);
        }
        List<ProcessDefinition> older = new ArrayList<>(repository.createProcessDefinitionQuery()
                .processDefinitionKey(key).list().stream().filter(d -> d.getVersion() < latest.getVersion()).toList());
        older.sort(Comparator.comparingInt(ProcessDefinition::getVersion));
        List<SourceBatch> batches = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (ProcessDefinition source : older) {
            migrate(source, latest, skipped).ifPresent(batches::add);
        }
        return new MigrationOutcome(key, latest.getId(), latest.getVersion(), batches,
                batches.stream().map(SourceBatch::batchId).toList(), skipped);
    }

    /** Starts one batch for the instances of {@code source} that fit the latest version; lists the others. */
    private Optional<SourceBatch> migrate(ProcessDefinition source, ProcessDefinition latest,
            List<Skipped> skipped) {
        Assessment assessment = assess(source, latest);
        skipped.addAll(assessment.skipped());
        if (assessment.migratable().isEmpty()) {
            return Optional.empty();
        }
        Batch batch = runtime.newMigration(assessment.plan()).processInstanceIds(assessment.migratable())
                .executeAsync();
        startedBatches.put(batch.getId(), batch.getTotalJobs());
        return Optional.of(new SourceBatch(source.getId(), source.getVersion(), batch.getId(),
                assessment.migratable().size()));
    }

    /**
     * What a migration to {@code target} could do with the running instances of each older version of its
     * process, by the same rules {@link #migrateToLatest} follows; migrates nothing. Versions without running
     * instances are left out.
     */
    public List<VersionMapping> mappingsTo(ProcessDefinition target) {
        List<VersionMapping> mappings = new ArrayList<>();
        repository.createProcessDefinitionQuery().processDefinitionKey(target.getKey()).list().stream()
                .filter(d -> d.getVersion() < target.getVersion())
                .sorted(Comparator.comparingInt(ProcessDefinition::getVersion)).forEach(source -> {
                    Assessment assessment = assess(source, target);
                    if (!assessment.migratable().isEmpty() || !assessment.skipped().isEmpty()) {
                        mappings.add(new VersionMapping(source.getId(), source.getVersion(),
                                assessment.migratable(), assessment.skipped()));
                    }
                });
        return mappings;
    }

    /** The plan from {@code source} to {@code target} (null when Camunda refuses one) and the instances it fits. */
    private Assessment assess(ProcessDefinition source, ProcessDefinition target) {
        List<String> instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list()
                .stream().map(ProcessInstance::getId).toList();
        List<Skipped> skipped = new ArrayList<>();
        if (instances.isEmpty()) {
            return new Assessment(null, List.of(), skipped);
        }
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            instances.forEach(id -> skipped.add(new Skipped(id, source.getId(),
                    "no valid migration plan: " + e.getMessage())));
            return new Assessment(null, List.of(), skipped);
        }
        Set<String> mapped = new HashSet<>();
        for (MigrationInstruction instruction : plan.getInstructions()) {
            mapped.add(instruction.getSourceActivityId());
        }
        List<String> migratable = new ArrayList<>();
        for (String id : instances) {
            Set<String> unmapped = unmappedActivities(id, mapped);
            if (unmapped != null && unmapped.isEmpty()) {
                migratable.add(id);
            } else if (unmapped != null) {
                skipped.add(new Skipped(id, source.getId(),
                        "waits in " + unmapped + ", which version " + target.getVersion() + " does not have"));
            }
        }
        return new Assessment(plan, migratable, skipped);
    }

    public BatchProgress progress(String batchId) {
        BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
        if (statistics != null) {
            int completed = statistics.getCompletedJobs();
            boolean done = statistics.getRemainingJobs() == 0 && statistics.getFailedJobs() == 0
                    && completed >= statistics.getTotalJobs();
            return new BatchProgress(batchId, statistics.getType(), statistics.getTotalJobs(), completed,
                    statistics.getFailedJobs(), statistics.getRemainingJobs(), done);
        }
        HistoricBatch finished = history.createHistoricBatchQuery().batchId(batchId).singleResult();
        if (finished != null) {
            boolean done = finished.getEndTime() != null;
            int total = finished.getTotalJobs();
            return new BatchProgress(batchId, finished.getType(), total, done ? total : 0, 0, done ? 0 : total, done);
        }
        Integer total = startedBatches.get(batchId);
        if (total != null) {
            // The engine removes a batch once all its jobs succeeded (history may not keep it).
            return new BatchProgress(batchId, Batch.TYPE_PROCESS_INSTANCE_MIGRATION, total, total, 0, 0, true);
        }
        throw new NotFoundException("Batch", batchId);
    }

    /** The activities the instance waits in that the plan does not map; null when the instance is gone. */
    private Set<String> unmappedActivities(String processInstanceId, Set<String> mapped) {
        ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
        if (tree == null) {
            return null;
        }
        Set<String> unmapped = new LinkedHashSet<>();
        collect(tree, mapped, unmapped, true);
        return unmapped;
    }

    private static void collect(ActivityInstance instance, Set<String> mapped, Set<String> unmapped, boolean root) {
        ActivityInstance[] children = instance.getChildActivityInstances();
        if (!root && children.length == 0 && instance.getChildTransitionInstances().length == 0) {
            check(instance.getActivityId(), mapped, unmapped);
        }
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            check(transition.getActivityId(), mapped, unmapped);
        }
        for (ActivityInstance child : children) {
            collect(child, mapped, unmapped, false);
        }
    }

    private static void check(String activityId, Set<String> mapped, Set<String> unmapped) {
        String id = activityId.endsWith(MULTI_INSTANCE_BODY)
                ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length()) : activityId;
        if (!mapped.contains(id)) {
            unmapped.add(id);
        }
    }
}
