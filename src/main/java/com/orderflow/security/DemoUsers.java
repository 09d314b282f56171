package com.orderflow.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.orderflow.shared.Actor;

/**
 * The demo users and groups of the embedded default (password = user id), with the Camunda
 * authorizations they need: reps start processes, every group uses Tasklist and sees its tasks
 * through the "Group tasks" filter, admins (camunda-admin) have every permission.
 * Idempotent: existing users, groups and grants are left alone.
 */
@Component
@ConditionalOnProperty(name = "orderflow.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    static final String DELIVERY = "delivery";

    private static final Map<String, String> GROUPS = Map.of(
            Actor.SALES, "Sales reps", Actor.SALES_MANAGERS, "Sales managers", Actor.FINANCE, "Finance",
            Actor.LEGAL, "Legal", DELIVERY, "Delivery", Actor.ADMINS, "Administrators");

    /** {@code locale} is the language of the user's emails (Camunda user info). */
    private record DemoUser(String id, String firstName, String lastName, String group, String locale) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("sales1", "Li", "Wei", Actor.SALES, "zh-CN"),
            new DemoUser("sales2", "Anna", "Schmidt", Actor.SALES, "en"),
            new DemoUser("manager1", "Zhang", "Min", Actor.SALES_MANAGERS, "zh-CN"),
            new DemoUser("finance1", "Maria", "Rossi", Actor.FINANCE, "en"),
            new DemoUser("legal1", "Chen", "Jing", Actor.LEGAL, "zh-CN"),
            new DemoUser("delivery1", "Tom", "Berg", DELIVERY, "en"),
            new DemoUser("admin", "Orderflow", "Admin", Actor.ADMINS, "en"));

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService taskService;

    DemoUsers(IdentityService identity, AuthorizationService authorizations, FilterService filters,
            TaskService taskService) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        GROUPS.forEach(this::ensureGroup);
        USERS.forEach(this::ensureUser);
        GROUPS.keySet().forEach(group -> {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.FILTER, "*", Permissions.READ);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
        });
        for (String seller : List.of(Actor.SALES, Actor.SALES_MANAGERS)) {
            grant(seller, Resources.PROCESS_DEFINITION, "*", Permissions.CREATE_INSTANCE, Permissions.READ);
            grant(seller, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
        ensureGroupTasksFilter();
        log.info("Demo users ready: {}", USERS.stream().map(DemoUser::id).toList());
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(Actor.ADMINS.equals(id) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void ensureUser(DemoUser demo) {
        if (identity.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identity.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.id() + "@orderflow.local");
            user.setPassword(demo.id());
            identity.saveUser(user);
        }
        if (identity.getUserInfo(demo.id(), "locale") == null) {
            identity.setUserInfo(demo.id(), "locale", demo.locale());
        }
        if (identity.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
            identity.createMembership(demo.id(), demo.group());
        }
    }

    /** Adds permissions to the group's one grant for that resource (Camunda allows one row per combination). */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization grant = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (grant == null) {
            grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }

    /** Tasklist filter showing the tasks offered to the signed-in user's groups. */
    private void ensureGroupTasksFilter() {
        if (filters.createFilterQuery().filterName("Group tasks").count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter("Group tasks")
                .setOwner("admin")
                .setQuery(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks())
                .setProperties(Map.of("description", "Tasks for my groups", "priority", -5, "refresh", true));
        filters.saveFilter(filter);
    }
}
