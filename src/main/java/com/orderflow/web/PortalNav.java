package com.orderflow.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.orderflow.shared.ExpiringValues;

/**
 * The header of every portal page ({@code @portalNav} in templates): who is signed in, tasks waiting in Tasklist.
 * The count of waiting tasks is read once per {@code orderflow.portal.task-count-ttl} for each set of groups, not
 * on every page: the engine's task query was a sixth of an order page's CPU, and the badge only points to
 * Tasklist, which shows the tasks as they are.
 */
@Component("portalNav")
public class PortalNav {

    public static final String TASKLIST = "/camunda/app/tasklist/";

    /** Past this many sets of groups, the expired counts go (see {@link ExpiringValues}). */
    static final int MAX_GROUP_SETS = 1_000;

    private final TaskService tasks;
    private final ExpiringValues<List<String>, Long> counts;

    PortalNav(TaskService tasks, Clock clock, @Value("${orderflow.portal.task-count-ttl:PT10S}") Duration ttl) {
        this.tasks = tasks;
        this.counts = new ExpiringValues<>(ttl, MAX_GROUP_SETS, clock);
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
        List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted()
                .toList();
        if (groups.isEmpty()) {
            return 0;
        }
        return counts.get(groups).orElseGet(() -> {
            long waiting = tasks.createTaskQuery().taskCandidateGroupIn(groups).active().count();
            counts.put(groups, waiting);
            return waiting;
        });
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
