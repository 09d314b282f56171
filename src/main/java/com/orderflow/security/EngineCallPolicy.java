package com.orderflow.security;

import java.util.Set;

/**
 * Which engine REST calls a signed-in user may make. Everyone may read (the engine's authorizations
 * decide what they see). Writes are an allow-list for everyone but admins: the queries that happen to
 * be POSTs, working on tasks (claim, complete, …) and their own profile and password. Anything else,
 * starting or modifying processes, variables, messages, jobs, deployments, users, groups and
 * authorizations, is orderflow's or an admin's to do. Task calls are checked further against the task
 * itself ({@link TaskCallChecks}): its form's fields, and nobody deciding their own request.
 */
final class EngineCallPolicy {

    /** What to do with a call. */
    sealed interface Verdict {
    }

    record Allow() implements Verdict {
    }

    record Refuse(int status, String reason) implements Verdict {
    }

    /** A call on one task that is allowed if the task's own rules allow it. */
    record CheckTask(String taskId, TaskAction action) implements Verdict {
    }

    enum TaskAction {
        CLAIM, UNCLAIM, ASSIGN, DELEGATE, COMPLETE, WRITE_VARIABLES, OTHER
    }

    private static final Set<String> QUERIES = Set.of("task", "process-instance", "execution", "job",
            "variable-instance", "external-task");
    private static final Set<String> HISTORY_QUERIES = Set.of("process-instance", "activity-instance", "task",
            "variable-instance", "decision-instance", "detail", "case-instance", "case-activity-instance");
    private static final Set<String> FILTER_QUERIES = Set.of("list", "count", "singleResult");

    private EngineCallPolicy() {
    }

    static Verdict judge(EngineCall call, String userId, boolean admin) {
        if (call.reads()) {
            return new Allow();
        }
        if (call.segment(0).equals("task") && call.size() >= 3) {
            TaskAction action = taskAction(call);
            if (action == TaskAction.WRITE_VARIABLES && !admin) {
                return refuse("Task variables are set by completing the task with its form's fields");
            }
            if (action != TaskAction.OTHER) {
                return new CheckTask(call.segment(1), action);
            }
        }
        if (admin) {
            return new Allow();
        }
        if (isQuery(call) || isOwnProfile(call, userId) || isTaskComment(call)) {
            return new Allow();
        }
        return refuse(call.method() + " " + call.path() + " is not open to you: orderflow starts and changes its "
                + "processes itself, after its own checks (use /api or the portal), and only admins manage the engine");
    }

    private static TaskAction taskAction(EngineCall call) {
        String verb = call.segment(2);
        if (verb.equals("variables") || verb.equals("localVariables")) {
            return TaskAction.WRITE_VARIABLES;
        }
        if (call.size() != 3 || !call.method().equals("POST")) {
            return TaskAction.OTHER;
        }
        return switch (verb) {
            case "claim" -> TaskAction.CLAIM;
            case "unclaim" -> TaskAction.UNCLAIM;
            case "assignee" -> TaskAction.ASSIGN;
            case "delegate" -> TaskAction.DELEGATE;
            case "complete", "submit-form", "resolve" -> TaskAction.COMPLETE;
            default -> TaskAction.OTHER;
        };
    }

    private static boolean isQuery(EngineCall call) {
        if (!call.method().equals("POST")) {
            return false;
        }
        if ((call.size() == 1 || call.is("*", "count")) && QUERIES.contains(call.segment(0))) {
            return true;
        }
        if (call.segment(0).equals("history") && (call.size() == 2 || call.is("history", "*", "count"))) {
            return HISTORY_QUERIES.contains(call.segment(1));
        }
        return call.is("filter", "*", "*") && FILTER_QUERIES.contains(call.segment(2));
    }

    /** Users keep their own profile and password; deleting themselves or anything else is an admin's. */
    private static boolean isOwnProfile(EngineCall call, String userId) {
        return call.method().equals("PUT") && (call.is("user", userId, "profile") || call.is("user", userId,
                "credentials"));
    }

    private static boolean isTaskComment(EngineCall call) {
        return call.method().equals("POST") && call.is("task", "*", "comment", "create");
    }

    private static Refuse refuse(String reason) {
        return new Refuse(403, reason);
    }
}
