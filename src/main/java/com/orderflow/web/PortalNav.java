package com.orderflow.web;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The header of every portal page ({@code @portalNav} in templates): who is signed in, tasks waiting in Tasklist. */
@Component("portalNav")
public class PortalNav {

    public static final String TASKLIST = "/camunda/app/tasklist/";

    private final TaskService tasks;

    PortalNav(TaskService tasks) {
        this.tasks = tasks;
    }

    public String user() {
        Authentication authentication = signedIn();
        return authentication == null ? null : authentication.getName();
    }

    /** Open tasks offered to any of the signed-in user's groups. */
    public long waitingTasks() {
        Authentication authentication = signedIn();
        if (authentication == null) {
            return 0;
        }
        List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return groups.isEmpty() ? 0 : tasks.createTaskQuery().taskCandidateGroupIn(groups).active().count();
    }

    public String tasklist() {
        return TASKLIST;
    }

    private static Authentication signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() ? null : authentication;
    }
}
