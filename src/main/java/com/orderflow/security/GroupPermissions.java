package com.orderflow.security;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.orderflow.shared.Actor;

/**
 * orderflow's groups and their Camunda authorizations, made at every start in every profile
 * (idempotent): each group uses Tasklist, reads definitions and deployments, and sees its tasks through
 * the "Group tasks" filter. Nobody but camunda-admin (who holds every permission) may create process
 * instances: orderflow starts its processes itself, as the system, after its own checks. Grants to
 * create instances that an earlier version gave are taken back.
 */
@Component
@Order(1)
class GroupPermissions implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GroupPermissions.class);

    static final String DELIVERY = "delivery";
    /** Reads /actuator/prometheus and nothing else: no Camunda grants, no orders. */
    static final String MONITORING = "monitoring";

    static final Map<String, String> GROUPS = Map.of(
            Actor.SALES, "Sales reps", Actor.SALES_MANAGERS, "Sales managers", Actor.FINANCE, "Finance",
            Actor.LEGAL, "Legal", DELIVERY, "Delivery", Actor.ADMINS, "Administrators");

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService taskService;
    private final String adminUser;

    GroupPermissions(IdentityService identity, AuthorizationService authorizations, FilterService filters,
            TaskService taskService, @Value("${camunda.bpm.admin-user.id:admin}") String adminUser) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.taskService = taskService;
        this.adminUser = adminUser;
    }

    @Override
    public void run(ApplicationArguments args) {
        GROUPS.forEach(this::ensureGroup);
        GROUPS.keySet().forEach(group -> {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.FILTER, "*", Permissions.READ);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
            if (!Actor.ADMINS.equals(group)) {
                revoke(group, Resources.PROCESS_DEFINITION, "*", Permissions.CREATE_INSTANCE);
                revoke(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            }
        });
        ensureGroup(MONITORING, "Monitoring");
        ensureGroupTasksFilter();
        log.info("Groups and permissions ready: {} and {}", GROUPS.keySet(), MONITORING);
    }

    /** A directory (profile ldap) holds the groups itself: there they are mapped, not made. */
    private void ensureGroup(String id, String name) {
        if (!identity.isReadOnly() && identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(Actor.ADMINS.equals(id) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /** Adds permissions to the group's one grant for that resource (Camunda allows one row per combination). */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization grant = find(group, resource, resourceId);
        if (grant == null) {
            grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        }
        boolean missing = false;
        for (Permission permission : permissions) {
            missing |= !grant.isPermissionGranted(permission);
            grant.addPermission(permission);
        }
        if (missing || grant.getId() == null) {
            authorizations.saveAuthorization(grant);
        }
    }

    private void revoke(String group, Resource resource, String resourceId, Permission permission) {
        Authorization grant = find(group, resource, resourceId);
        if (grant != null && grant.isPermissionGranted(permission)) {
            grant.removePermission(permission);
            authorizations.saveAuthorization(grant);
            log.info("Took {} on {} {} back from group {}", permission.getName(), resource.resourceName(), resourceId,
                    group);
        }
    }

    private Authorization find(String group, Resource resource, String resourceId) {
        return authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
    }

    /** Tasklist filter showing the tasks offered to the signed-in user's groups. */
    private void ensureGroupTasksFilter() {
        if (filters.createFilterQuery().filterName("Group tasks").count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter("Group tasks")
                .setOwner(adminUser)
                .setQuery(taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks())
                .setProperties(Map.of("description", "Tasks for my groups", "priority", -5, "refresh", true));
        filters.saveFilter(filter);
    }
}
