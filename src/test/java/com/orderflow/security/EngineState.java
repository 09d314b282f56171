package com.orderflow.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.assertj.core.api.SoftAssertions;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.TestInfrastructure;

/**
 * What a hostile engine REST client could have changed, read as an administrator: every order, every
 * modification request, the open tasks, running instances and jobs, the emails sent, the identity
 * records and authorizations, and the variables of the instances the rows attacked.
 */
record EngineState(Map<Long, String> orders, Map<Long, String> requests, Set<String> tasks, Set<String> instances,
        Set<String> jobs, int mailsReceived, long notifications, Map<String, Set<String>> memberships,
        Set<String> users, Set<String> groups, Set<String> authorizations, Set<String> deployments,
        Map<String, String> attackedVariables) {

    static EngineState read(ApiClient admin, JdbcTemplate jdbc, List<String> members, List<String> attacked) {
        // Work other tests left behind (a retried email, say) must be done before a snapshot, or it would
        // show as a change the rows made.
        Await.until("no job is due", () -> admin.get("/engine-rest/job/count?executable=true").json().get("count")
                .asLong() == 0);
        Map<String, Set<String>> memberships = new TreeMap<>();
        for (String user : members) {
            memberships.put(user, texts(admin, "/engine-rest/group?member=" + user, g -> g.get("id").asText()));
        }
        Map<String, String> variables = new TreeMap<>();
        for (String instance : attacked) {
            var response = admin.get("/engine-rest/process-instance/" + instance + "/variables");
            variables.put(instance, response.status() + " " + response.text());
        }
        return new EngineState(orders(jdbc), requests(jdbc),
                texts(admin, "/engine-rest/task", t -> t.get("id").asText() + " assignee=" + t.path("assignee").asText()
                        + " key=" + t.get("taskDefinitionKey").asText()),
                texts(admin, "/engine-rest/process-instance", p -> p.get("id").asText() + " suspended="
                        + p.get("suspended").asBoolean()),
                texts(admin, "/engine-rest/job", j -> j.get("id").asText() + " due=" + j.path("dueDate").asText()
                        + " retries=" + j.get("retries").asInt() + " suspended=" + j.get("suspended").asBoolean()),
                TestInfrastructure.allReceivedMessages().size(),
                jdbc.queryForObject("select count(*) from notification", Long.class),
                memberships,
                texts(admin, "/engine-rest/user", u -> u.get("id").asText() + " " + u.path("email").asText()),
                texts(admin, "/engine-rest/group", g -> g.get("id").asText()),
                texts(admin, "/engine-rest/authorization", a -> a.get("id").asText() + " " + a.get("permissions")
                        + " user=" + a.path("userId").asText() + " group=" + a.path("groupId").asText()
                        + " resource=" + a.get("resourceType").asInt() + "/" + a.get("resourceId").asText()),
                texts(admin, "/engine-rest/deployment", d -> d.get("id").asText()),
                variables);
    }

    /** Every difference at once, each named, so one run lists all that the rows changed. */
    void assertSameAs(EngineState before) {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(changes(before.orders, orders)).as("orders (status, version, revision)").isEmpty();
        soft.assertThat(changes(before.requests, requests)).as("modification requests (status)").isEmpty();
        soft.assertThat(changes(before.tasks, tasks)).as("open tasks").isEmpty();
        soft.assertThat(changes(before.instances, instances)).as("running process instances").isEmpty();
        soft.assertThat(changes(before.jobs, jobs)).as("jobs").isEmpty();
        soft.assertThat(mailsReceived).as("emails the SMTP server received").isEqualTo(before.mailsReceived);
        soft.assertThat(notifications).as("notification rows").isEqualTo(before.notifications);
        soft.assertThat(changes(before.memberships, memberships)).as("group memberships").isEmpty();
        soft.assertThat(changes(before.users, users)).as("users").isEmpty();
        soft.assertThat(changes(before.groups, groups)).as("groups").isEmpty();
        soft.assertThat(changes(before.authorizations, authorizations)).as("authorizations").isEmpty();
        soft.assertThat(changes(before.deployments, deployments)).as("deployments").isEmpty();
        soft.assertThat(changes(before.attackedVariables, attackedVariables)).as("variables of the attacked instances")
                .isEmpty();
        soft.assertAll();
    }

    /** "- gone", "+ new" and "key: before → after", one line each. */
    private static <K, V> List<String> changes(Map<K, V> before, Map<K, V> after) {
        List<String> out = new ArrayList<>();
        Set<K> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (K key : keys) {
            if (!after.containsKey(key)) {
                out.add("- " + key + ": " + before.get(key));
            } else if (!before.containsKey(key)) {
                out.add("+ " + key + ": " + after.get(key));
            } else if (!before.get(key).equals(after.get(key))) {
                out.add(key + ": " + before.get(key) + " → " + after.get(key));
            }
        }
        return out;
    }

    private static List<String> changes(Set<String> before, Set<String> after) {
        List<String> out = new ArrayList<>();
        before.stream().filter(item -> !after.contains(item)).forEach(item -> out.add("- " + item));
        after.stream().filter(item -> !before.contains(item)).forEach(item -> out.add("+ " + item));
        return out;
    }

    /** Read in SQL: every order of the database, also those other tests seeded without lines or contract. */
    private static Map<Long, String> orders(JdbcTemplate jdbc) {
        Map<Long, String> orders = new TreeMap<>();
        jdbc.query("select id, status, version, revision from sales_order", rs -> {
            orders.put(rs.getLong("id"), rs.getString("status") + " v" + rs.getLong("version") + " r"
                    + rs.getInt("revision"));
        });
        return orders;
    }

    private static Map<Long, String> requests(JdbcTemplate jdbc) {
        Map<Long, String> requests = new TreeMap<>();
        jdbc.query("select id, status from modification_request",
                rs -> {
                    requests.put(rs.getLong("id"), rs.getString("status"));
                });
        return requests;
    }

    private static Set<String> texts(ApiClient admin, String path, java.util.function.Function<JsonNode, String> text) {
        var response = admin.get(path);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + " as admin: " + response.status() + " " + response.text());
        }
        Set<String> out = new TreeSet<>();
        response.json().forEach(node -> out.add(text.apply(node)));
        return out;
    }
}
