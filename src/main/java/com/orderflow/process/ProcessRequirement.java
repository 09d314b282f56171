package com.orderflow.process;

import java.util.List;

/**
 * Something orderflow's code relies on in the processes folder, declared by the feature that owns the process with
 * the constants its code itself uses (its keys and variable names). The folder is checked against every
 * requirement before anything is deployed, so a renamed task id or form field is refused, not turned into
 * incidents of running requests.
 */
public sealed interface ProcessRequirement {

    /** An executable process with this key: code starts it or queries its instances. */
    record Process(String key) implements ProcessRequirement {
    }

    /**
     * A user task with this id in that process (code queries it or listens to it), showing the form {@code formRef}
     * (none required when null), whose fields include {@code formFields} (code reads them when the task completes).
     */
    record UserTask(String processKey, String taskId, String formRef, List<String> formFields)
            implements ProcessRequirement {

        public UserTask {
            formFields = List.copyOf(formFields);
        }
    }

    /** An activity with this id in that process: code starts instances there or waits for it. */
    record Activity(String processKey, String activityId) implements ProcessRequirement {
    }

    /** A decision with this key whose output {@code output} is a group id (the approvers code assigns). */
    record GroupDecision(String key, String output) implements ProcessRequirement {
    }

    /** The process writes this variable itself (a result variable or an output mapping); code reads it. */
    record Writes(String processKey, String variable) implements ProcessRequirement {
    }

    /** Code sets this variable on the instances it starts or the tasks it completes: expressions may read it. */
    record Variable(String name) implements ProcessRequirement {
    }
}
