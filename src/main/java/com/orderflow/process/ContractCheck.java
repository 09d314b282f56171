package com.orderflow.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.process.ProcessRequirement.GroupDecision;
import com.orderflow.process.ProcessRequirement.Process;
import com.orderflow.process.ProcessRequirement.UserTask;
import com.orderflow.process.ProcessRequirement.Writes;

/**
 * The folder against what code relies on ({@link ProcessRequirements}): the processes it starts, the tasks it
 * queries or listens to and the form fields it reads from them, the variables it reads from the process, the
 * approval decision and its groups; and, for every user task, that the form it shows is in the folder.
 */
@Component
class ContractCheck {

    private static final String DEPLOYMENT_FORM_KEY = "camunda-forms:deployment:";

    private final DeployedResources deployed;

    ContractCheck(DeployedResources deployed) {
        this.deployed = deployed;
    }

    /** Where the folder's processes, tasks and forms are, by key and id. */
    private record Index(Map<String, String> processFiles, Map<String, Element> processes,
            Map<String, Map<String, Element>> userTasks, Map<String, String> formFiles, Map<String, JsonNode> forms) {
    }

    void check(ProcessFiles files, List<ProcessRequirement> requirements, Set<String> knownGroups,
            List<DeploymentProblem> problems) {
        Index index = index(files);
        for (ProcessRequirement requirement : requirements) {
            if (requirement instanceof Process p) {
                requireProcess(index, p.key(), problems);
            } else if (requirement instanceof UserTask t) {
                requireUserTask(index, t, problems);
            } else if (requirement instanceof ProcessRequirement.Activity a) {
                requireActivity(index, a, problems);
            } else if (requirement instanceof Writes w) {
                requireWrites(index, w, problems);
            } else if (requirement instanceof GroupDecision d) {
                new DecisionGroups(deployed).check(files, d, knownGroups, problems);
            }
            // A Variable is what expressions may read: the expression check uses it.
        }
        index.userTasks().forEach((process, tasks) -> tasks.values().forEach(task -> requireForm(files, index,
                index.processFiles().get(process), task, problems)));
    }

    private static Index index(ProcessFiles files) {
        Index index = new Index(new HashMap<>(), new HashMap<>(), new LinkedHashMap<>(), new HashMap<>(),
                new HashMap<>());
        files.bpmn().forEach((file, document) -> {
            for (Element process : ProcessDom.all(document, "process")) {
                String key = process.getAttribute("id");
                index.processFiles().put(key, file);
                index.processes().put(key, process);
                Map<String, Element> tasks = index.userTasks().computeIfAbsent(key, k -> new LinkedHashMap<>());
                ProcessDom.all(process, "userTask").forEach(task -> tasks.put(task.getAttribute("id"), task));
            }
        });
        files.forms().forEach((file, form) -> {
            String id = form.path("id").asText();
            index.formFiles().put(id, file);
            index.forms().put(id, form);
        });
        return index;
    }

    private void requireProcess(Index index, String key, List<DeploymentProblem> problems) {
        if (index.processes().containsKey(key)) {
            return;
        }
        problems.add(DeploymentProblem.at(deployed.processFile(key), key, "process '" + key
                + "' is missing (its id was renamed or its file removed): orderflow starts or follows it by this key"));
    }

    private void requireUserTask(Index index, UserTask required, List<DeploymentProblem> problems) {
        if (!index.processes().containsKey(required.processKey())) {
            return;
        }
        String file = index.processFiles().get(required.processKey());
        Element task = index.userTasks().get(required.processKey()).get(required.taskId());
        if (task == null) {
            problems.add(DeploymentProblem.at(file, required.processKey(), "user task '" + required.taskId()
                    + "' is missing (renamed?): orderflow's code finds and checks this task by its id"));
            return;
        }
        String formRef = ProcessDom.camunda(task, "formRef");
        if (required.formRef() != null && !required.formRef().equals(formRef)) {
            problems.add(DeploymentProblem.at(file, required.taskId(), "user task '" + required.taskId()
                    + "' must show the form '" + required.formRef() + "' (camunda:formRef), not '" + formRef + "'"));
            return;
        }
        JsonNode form = formRef == null ? null : index.forms().get(formRef);
        if (form != null) {
            Set<String> missing = new LinkedHashSet<>(required.formFields());
            ProcessDom.formFieldKeys(form).forEach(missing::remove);
            if (!missing.isEmpty()) {
                problems.add(DeploymentProblem.at(index.formFiles().get(formRef), formRef, "form '" + formRef
                        + "' has no field with key " + missing + ": orderflow reads it when task '"
                        + required.taskId() + "' completes"));
            }
        }
    }

    private static void requireActivity(Index index, ProcessRequirement.Activity required,
            List<DeploymentProblem> problems) {
        Element process = index.processes().get(required.processKey());
        if (process != null && ProcessDom.all(process, "*").stream()
                .noneMatch(e -> required.activityId().equals(e.getAttribute("id")))) {
            problems.add(DeploymentProblem.at(index.processFiles().get(required.processKey()), required.processKey(),
                    "activity '" + required.activityId() + "' is missing (renamed?): orderflow's code refers to it"));
        }
    }

    private static void requireWrites(Index index, Writes required, List<DeploymentProblem> problems) {
        Element process = index.processes().get(required.processKey());
        if (process == null) {
            return;
        }
        boolean written = ProcessDom.all(process, "*").stream().anyMatch(e ->
                required.variable().equals(ProcessDom.camunda(e, "resultVariable"))
                        || ("outputParameter".equals(e.getLocalName())
                                && required.variable().equals(e.getAttribute("name"))));
        if (!written) {
            problems.add(DeploymentProblem.at(index.processFiles().get(required.processKey()), required.processKey(),
                    "no step of process '" + required.processKey() + "' writes the variable '" + required.variable()
                            + "' (a result variable or output mapping), which orderflow reads"));
        }
    }

    /** The form a user task shows must be in the folder, else Tasklist cannot open the task. */
    private static void requireForm(ProcessFiles files, Index index, String file, Element task,
            List<DeploymentProblem> problems) {
        String formRef = ProcessDom.camunda(task, "formRef");
        String formKey = ProcessDom.camunda(task, "formKey");
        String id = task.getAttribute("id");
        if (formRef != null && !index.forms().containsKey(formRef)) {
            problems.add(DeploymentProblem.at(file, id, "user task '" + id + "' shows the form '" + formRef
                    + "' (camunda:formRef), which no .form file of the folder has as its id"));
        }
        if (formKey != null && formKey.startsWith(DEPLOYMENT_FORM_KEY)
                && !files.forms().containsKey(formKey.substring(DEPLOYMENT_FORM_KEY.length()))) {
            problems.add(DeploymentProblem.at(file, id, "user task '" + id + "' shows the form file '"
                    + formKey.substring(DEPLOYMENT_FORM_KEY.length()) + "', which is not in the folder"));
        }
    }

    static List<String> sorted(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        list.sort(String::compareTo);
        return list;
    }
}
