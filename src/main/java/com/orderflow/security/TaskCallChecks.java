package com.orderflow.security;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.process.AsSystem;
import com.orderflow.process.Requesters;
import com.orderflow.security.EngineCallPolicy.CheckTask;
import com.orderflow.security.EngineCallPolicy.Refuse;

/**
 * The rules of one task, applied before the engine sees the call: a task is completed with its form's
 * fields only (so no caller can slip a {@code requester} or an {@code orderId} in beside
 * {@code approved}), and the requester of a piece of work can neither take nor decide its approval.
 * Who requested comes from orderflow's tables ({@link Requesters}), never from a variable; which tasks are
 * approvals, from the features that own them (also through {@link Requesters}).
 */
@Component
class TaskCallChecks {

    private final TaskService tasks;
    private final IdentityService identity;
    private final TaskFormFields formFields;
    private final Requesters requesters;

    TaskCallChecks(TaskService tasks, IdentityService identity, TaskFormFields formFields, Requesters requesters) {
        this.tasks = tasks;
        this.identity = identity;
        this.formFields = formFields;
        this.requesters = requesters;
    }

    /** The refusal of the call, or empty when the engine may go on (and apply its own authorizations). */
    Optional<Refuse> check(CheckTask call, EngineCall raw, String userId, boolean admin, JsonNode body) {
        Task task = AsSystem.call(identity, () -> tasks.createTaskQuery().taskId(call.taskId()).singleResult());
        if (task == null) {
            return Optional.empty();
        }
        return switch (call.action()) {
            case CLAIM -> claim(task, userId, admin, text(body, "userId"));
            case ASSIGN, DELEGATE -> ownApproval(task, text(body, "userId"));
            case COMPLETE -> ownApproval(task, userId).or(() -> onlyFormFields(task, names(body.path("variables"))));
            case WRITE_VARIABLES -> onlyFormFields(task, variableNames(raw, body));
            case UNCLAIM, OTHER -> Optional.empty();
        };
    }

    private Optional<Refuse> claim(Task task, String userId, boolean admin, String claimant) {
        if (claimant != null && !admin && !claimant.equals(userId)) {
            return Optional.of(new Refuse(403, "You may claim a task for yourself only"));
        }
        return ownApproval(task, claimant);
    }

    private Optional<Refuse> ownApproval(Task task, String user) {
        if (user == null || !requesters.isApprovalTask(task.getTaskDefinitionKey())) {
            return Optional.empty();
        }
        boolean own = requesters.of(task.getProcessInstanceId()).map(user::equals).orElse(false);
        return own ? Optional.of(new Refuse(403, "You made this request, so you may not approve it (" + user + ")"))
                : Optional.empty();
    }

    private Optional<Refuse> onlyFormFields(Task task, Set<String> names) {
        Set<String> allowed = formFields.of(task.getId());
        Set<String> extra = new HashSet<>(names);
        extra.removeAll(allowed);
        if (extra.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Refuse(400, "Task " + task.getTaskDefinitionKey() + " takes only the fields of its form "
                + allowed + "; not " + extra.stream().sorted().toList()));
    }

    /** {@code task/{id}/variables} (modifications and deletions) or {@code task/{id}/variables/{name}[/data]}. */
    private static Set<String> variableNames(EngineCall call, JsonNode body) {
        if (call.size() >= 4) {
            return Set.of(call.segment(3));
        }
        Set<String> names = names(body.path("modifications"));
        body.path("deletions").forEach(name -> names.add(name.asText()));
        return names;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
