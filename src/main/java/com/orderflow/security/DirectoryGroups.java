package com.orderflow.security;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which directory group stands for which orderflow group ({@code orderflow.ldap.groups}: orderflow group id →
 * the directory group's id, the value of {@code group-id-attribute}, e.g. {@code sales: Sales Reps}). Only
 * mapped groups exist for the engine, under orderflow's ids; a directory group that is not mapped grants
 * nothing, even when its name happens to be an orderflow id.
 */
final class DirectoryGroups {

    private final Map<String, String> directoryIdByGroup;
    /** Directory ids compare without case, as LDAP compares {@code cn}. */
    private final Map<String, String> groupByDirectoryId;

    private DirectoryGroups(Map<String, String> directoryIdByGroup, Map<String, String> groupByDirectoryId) {
        this.directoryIdByGroup = directoryIdByGroup;
        this.groupByDirectoryId = groupByDirectoryId;
    }

    /** Refuses a key that is not an orderflow group, an empty value, and two groups on one directory group. */
    static DirectoryGroups of(Map<String, String> mapping) {
        Map<String, String> byGroup = new HashMap<>();
        Map<String, String> byDirectoryId = new HashMap<>();
        mapping.forEach((group, directoryId) -> {
            if (!orderflowGroups().contains(group)) {
                throw new IllegalArgumentException("orderflow.ldap.groups." + group + ": not an orderflow group; "
                        + "the keys are " + orderflowGroups());
            }
            if (directoryId == null || directoryId.isBlank()) {
                throw new IllegalArgumentException("orderflow.ldap.groups." + group + ": no directory group given");
            }
            String previous = byDirectoryId.put(key(directoryId), group);
            if (previous != null) {
                throw new IllegalArgumentException("orderflow.ldap.groups: " + previous + " and " + group
                        + " both map to the directory group " + directoryId);
            }
            byGroup.put(group, directoryId.trim());
        });
        return new DirectoryGroups(Map.copyOf(byGroup), Map.copyOf(byDirectoryId));
    }

    static Set<String> orderflowGroups() {
        Set<String> groups = new TreeSet<>(GroupPermissions.GROUPS.keySet());
        groups.add(GroupPermissions.MONITORING);
        return groups;
    }

    Optional<String> groupOf(String directoryId) {
        return directoryId == null ? Optional.empty() : Optional.ofNullable(groupByDirectoryId.get(key(directoryId)));
    }

    Optional<String> directoryIdOf(String group) {
        return Optional.ofNullable(directoryIdByGroup.get(group));
    }

    boolean isMapped(String group) {
        return directoryIdByGroup.containsKey(group);
    }

    private static String key(String directoryId) {
        return directoryId.trim().toLowerCase(Locale.ROOT);
    }
}
