package com.orderflow.process;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who completes a task: the signed-in user (Tasklist, /engine-rest), else the assignee (engine API calls).
 * Stays in process: it reads only the engine's authentication and identity, for any feature's task listener.
 */
public record ActingUser(String userId, List<String> groups) {

    public static ActingUser of(DelegateTask task, IdentityService identity) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
            return new ActingUser(authentication.getUserId(), groups);
        }
        if (task.getAssignee() == null) {
            return new ActingUser("unknown", List.of());
        }
        return new ActingUser(task.getAssignee(), identity.createGroupQuery().groupMember(task.getAssignee()).list()
                .stream().map(Group::getId).toList());
    }
}
