package com.orderflow.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.orderflow.shared.MailLinks;
import com.orderflow.shared.Actor;

/**
 * The target of an email's "open the task" link: the signed-in reader's open task of the process
 * instance in Camunda Tasklist (assigned to them, or offered to them or one of their groups), found
 * when they click, so the link holds through escalations and new rounds. Nothing to do there any more
 * → the order's page, or Tasklist's list. Shows only tasks Tasklist would list for the reader anyway.
 */
@Controller
class TaskLinkController {

    private final TaskService tasks;

    TaskLinkController(TaskService tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/tasks/open")
    String open(@RequestParam("process") String processInstanceId,
            @RequestParam(name = "order", required = false) Long orderId, Actor actor) {
        return tasksOf(processInstanceId, actor).stream().findFirst()
                .map(task -> "redirect:" + MailLinks.TASKLIST + "#/?task=" + task.getId())
                .orElse(orderId != null ? "redirect:/orders/" + orderId : "redirect:" + MailLinks.TASKLIST);
    }

    /** Their own tasks first, then those offered to them, oldest first. */
    private List<Task> tasksOf(String processInstanceId, Actor actor) {
        List<Task> assigned = tasks.createTaskQuery().processInstanceId(processInstanceId).active()
                .taskAssignee(actor.userId()).list();
        List<Task> offered = actor.groups().isEmpty() ? List.of() : tasks.createTaskQuery()
                .processInstanceId(processInstanceId).active().taskUnassigned()
                .taskCandidateGroupIn(List.copyOf(actor.groups())).list();
        List<Task> offeredToUser = tasks.createTaskQuery().processInstanceId(processInstanceId).active()
                .taskUnassigned().taskCandidateUser(actor.userId()).list();
        Map<String, Task> byId = new LinkedHashMap<>();
        Stream.of(assigned, offered, offeredToUser).forEach(found -> found.stream()
                .sorted(Comparator.comparing(Task::getCreateTime)).forEach(t -> byId.putIfAbsent(t.getId(), t)));
        return List.copyOf(byId.values());
    }
}
