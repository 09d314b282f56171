package com.orderflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.security.TestDirectory.Person;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.ForkedApp;
import com.orderflow.support.TestInfrastructure;

/**
 * Profile ldap against an in-memory directory whose groups carry the company's names ("Sales Reps"), mapped
 * onto orderflow's groups by configuration ({@link DirectoryApp}).
 */
class DirectoryUsersIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestDirectory directory;
    private static ForkedApp app;

    @BeforeAll
    static void startDirectoryAndApp() throws Exception {
        directory = TestDirectory.start();
        app = DirectoryApp.start(directory);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
        if (directory != null) {
            directory.close();
        }
    }

    @Test
    void aRepOfTheMappedSalesGroupSignsInToTheApiAndThePortalAndSeesOnlyTheirOwnOrders() {
        ApiClient rep = api(TestDirectory.REP);
        ApiClient otherRep = api(TestDirectory.OTHER_REP);
        JsonNode own = Fixtures.order(rep, Fixtures.customer(rep, "Directory Own Trading"));
        JsonNode others = Fixtures.order(otherRep, Fixtures.customer(otherRep, "Directory Other Trading"));
        assertThat(own.get("owner").asText()).isEqualTo(TestDirectory.REP.uid());

        JsonNode listed = rep.get("/api/orders?size=200").json().get("content");
        assertThat(listed.findValuesAsText("orderNumber")).contains(own.get("orderNumber").asText())
                .doesNotContain(others.get("orderNumber").asText());
        assertThat(rep.get("/api/orders/" + others.get("id").asLong()).status()).isIn(403, 404);
        assertThat(new ApiClient(port(), TestDirectory.REP.uid(), "wrong").get("/api/orders").status())
                .isEqualTo(401);

        WebSession portal = new WebSession(port());
        WebSession.Page signedIn = portal.signInToPortal(TestDirectory.REP.uid(), TestDirectory.REP.password());
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        WebSession.Page orders = portal.get("/");
        assertThat(orders.status()).isEqualTo(200);
        assertThat(orders.body()).contains(own.get("orderNumber").asText())
                .doesNotContain(others.get("orderNumber").asText());
    }

    @Test
    void aManagerOfTheMappedGroupApprovesInTasklistAndTheRequestIsApplied() throws Exception {
        ApiClient rep = api(TestDirectory.REP);
        long orderId = Fixtures.order(rep, Fixtures.customer(rep, "Directory Restore Trading")).get("id").asLong();
        var current = rep.get("/api/orders/" + orderId);
        var patched = rep.patch("/api/orders/" + orderId, current.header("ETag"), Map.of("discountPercent", 5));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        var filed = rep.post("/api/orders/" + orderId + "/revisions/1/restore", Map.of("description", "Undo"));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String request = "/api/modification-requests/" + filed.json().get("id").asLong();
        Await.until("the restore waits for sales managers",
                () -> "IN_APPROVAL".equals(rep.get(request).json().get("status").asText()));
        String pid = rep.get(request).json().get("processInstanceId").asText();

        WebSession tasklist = new WebSession(port());
        WebSession.Page signedIn = tasklist.signInToTasklist(TestDirectory.MANAGER.uid(),
                TestDirectory.MANAGER.password());
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"userId\":\"mei.chen\"").contains("tasklist");

        // Tasklist's "Group tasks" filter (candidate groups of the signed-in user's groups) offers the task.
        String filter = tasklist.tasklistCall("GET", "/filter?name=Group%20tasks", null).body();
        String filterId = JSON.readTree(filter).get(0).get("id").asText();
        Await.until("Tasklist offers the manager the approval", () -> taskOf(tasklist, filterId, pid) != null);
        String taskId = taskOf(tasklist, filterId, pid);
        Map<String, Object> approve = Map.of("variables", Map.of("approved", Map.of("value", true, "type", "Boolean")));
        assertThat(rep.post("/engine-rest/task/" + taskId + "/complete", approve).status()).isEqualTo(403);
        WebSession.Page done = tasklist.tasklistCall("POST", "/task/" + taskId + "/complete",
                "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"}}}");
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        Await.until("the restore is applied",
                () -> "APPLIED".equals(rep.get(request).json().get("status").asText()));
        assertThat(rep.get("/api/orders/" + orderId).json().get("discountPercent").decimalValue()).isZero();

        // The approval mail went to the manager's directory address, in the entry's preferredLanguage.
        JsonNode toManager = notificationTo(rep, orderId, TestDirectory.MANAGER);
        assertThat(toManager.get("locale").asText()).isEqualTo("zh-CN");
        Await.until("the manager's mail arrives", () -> receivedBy(TestDirectory.MANAGER));
    }

    @Test
    void aDirectoryUserInNoMappedGroupIsRefusedEverywhere() {
        Person outsider = TestDirectory.OUTSIDER;
        var api = api(outsider).get("/api/orders");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.contentType()).startsWith("application/problem+json");

        WebSession portal = new WebSession(port());
        assertThat(portal.signInToPortal(outsider.uid(), outsider.password()).location()).doesNotContain("error");
        assertThat(portal.get("/").status()).isEqualTo(403);
        assertThat(new WebSession(port()).signInToTasklist(outsider.uid(), outsider.password()).status())
                .isEqualTo(403);
    }

    @Test
    void overEngineRestARepCannotWriteTheReadOnlyDirectoryNorJoinAGroup() {
        ApiClient rep = api(TestDirectory.REP);
        String user = "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"M\",\"email\":\"m@x.test\"},"
                + "\"credentials\":{\"password\":\"mallory-pw\"}}";
        assertThat(rep.post("/engine-rest/user/create", user).status()).isEqualTo(403);
        assertThat(rep.post("/engine-rest/group/create", Map.of("id", "sales-managers", "name", "x")).status())
                .isEqualTo(403);
        assertThat(rep.send("PUT", "/engine-rest/group/sales-managers/members/li.na", null, null).status())
                .isEqualTo(403);
        // Their own profile and password are theirs to change in orderflow, but the directory is read-only: 4xx.
        var password = rep.send("PUT", "/engine-rest/user/li.na/credentials", "application/json",
                "{\"password\":\"new-pw-123\",\"authenticatedUserPassword\":\"" + TestDirectory.REP.password() + "\"}");
        assertThat(password.status()).as(password.text()).isEqualTo(403);
        assertThat(password.text()).contains("read-only");
        var profile = rep.send("PUT", "/engine-rest/user/li.na/profile", "application/json",
                "{\"id\":\"li.na\",\"firstName\":\"Na\",\"lastName\":\"Li\",\"email\":\"boss@corp.test\"}");
        assertThat(profile.status()).as(profile.text()).isEqualTo(403);
        assertThat(rep.get("/api/orders").status()).isEqualTo(200);
        assertThat(rep.get("/engine-rest/user/li.na/profile").json().get("email").asText())
                .isEqualTo(TestDirectory.REP.mail());
        // An admin of the directory holds every permission, yet cannot write into it either (4xx, not 500).
        ApiClient admin = api(TestDirectory.ADMIN);
        var created = admin.post("/engine-rest/user/create", user);
        assertThat(created.status()).as(created.text()).isEqualTo(403);
        assertThat(created.text()).contains("read-only");
        assertThat(admin.get("/engine-rest/user?id=mallory").json()).isEmpty();
        assertThat(admin.get("/engine-rest/group/sales-managers").json().get("name").asText())
                .isEqualTo(TestDirectory.MANAGERS_GROUP);
    }

    @Test
    void whileTheDirectoryIsDownSignInsAnswer503AndWorkAgainWhenItIsBack() throws Exception {
        ApiClient rep = api(TestDirectory.REP);
        directory.stopListening();
        try {
            var down = rep.get("/api/orders");
            assertThat(down.status()).as(down.text()).isEqualTo(503);
            assertThat(down.contentType()).startsWith("application/problem+json");
            assertThat(down.header("Retry-After")).isNotBlank();
        } finally {
            directory.startListening();
        }
        Await.until("sign-ins work again", () -> rep.get("/api/orders").status() == 200);
    }

    private static ApiClient api(Person person) {
        return new ApiClient(port(), person.uid(), person.password());
    }

    private static int port() {
        return app.client(null).port();
    }

    /** The id of the instance's task in the filter's list, as Tasklist lists it, or null. */
    private static String taskOf(WebSession tasklist, String filterId, String processInstanceId) {
        WebSession.Page listed = tasklist.tasklistCall("POST", "/filter/" + filterId + "/list", "{}");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        try {
            for (JsonNode task : JSON.readTree(listed.body())) {
                if (processInstanceId.equals(task.get("processInstanceId").asText())) {
                    return task.get("id").asText();
                }
            }
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode notificationTo(ApiClient reader, long orderId, Person person) {
        String path = "/api/orders/" + orderId + "/notifications";
        Await.until("a notification to " + person.mail(), () -> reader.get(path).json().findValuesAsText("recipient")
                .contains(person.mail()));
        for (JsonNode notification : reader.get(path).json()) {
            if (person.mail().equals(notification.get("recipient").asText())) {
                return notification;
            }
        }
        throw new AssertionError("No notification to " + person.mail());
    }

    private static boolean receivedBy(Person person) {
        try {
            for (MimeMessage message : TestInfrastructure.allReceivedMessages()) {
                for (var to : message.getRecipients(Message.RecipientType.TO)) {
                    if (to.toString().contains(person.mail())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
