package com.orderflow.process;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The requester of any orderflow process instance, whichever feature started it, and the approvals they may not
 * take. Stays in process: the engine's guards ask it of any instance; features answer through {@link ProcessRequests}.
 */
@Component
public class Requesters {

    private final List<ProcessRequests> features;
    private final Set<String> approvalTasks;

    Requesters(List<ProcessRequests> features) {
        this.features = features;
        this.approvalTasks = features.stream().flatMap(f -> f.approvalTasks().stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether tasks of this id are approvals, which their request's requester may neither take nor decide. */
    public boolean isApprovalTask(String taskDefinitionKey) {
        return approvalTasks.contains(taskDefinitionKey);
    }

    public Optional<String> of(String processInstanceId) {
        for (ProcessRequests feature : features) {
            Optional<String> requester = feature.requesterOf(processInstanceId);
            if (requester.isPresent()) {
                return requester;
            }
        }
        return Optional.empty();
    }
}
