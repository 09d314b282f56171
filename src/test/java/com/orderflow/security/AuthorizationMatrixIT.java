package com.orderflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.support.ApiClient;
import com.orderflow.support.ApiClient.Response;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/**
 * Who may do what, as one table. Part 1: every /api endpoint for every kind of user, the status each
 * must get (a rep's order, request, report or customer is 404 to everyone who may not read it, and
 * that check comes before any precondition). Part 2: /engine-rest driven by every non-admin user as a
 * hostile client: every write family is refused with a 4xx and, afterwards, nothing in orderflow or the
 * engine has changed; then what users must still be able to do there.
 *
 * <p>The table is the target behaviour: rows that fail name a gap in today's code, not in the table.
 */
class AuthorizationMatrixIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ANONYMOUS = "anonymous";
    /** The columns of Part 1, in the order of {@link Rule}'s components; sales1 owns every order. */
    private static final List<String> API_USERS = List.of(ANONYMOUS, "sales1", "sales2", "manager1", "finance1",
            "legal1", "delivery1", "admin");
    /** The hostile clients of Part 2: every user who is not an administrator. */
    private static final List<String> ENGINE_USERS = List.of("sales1", "sales2", "manager1", "finance1", "legal1",
            "delivery1");
    private static final Map<String, String> GROUP_OF = Map.of("sales1", "sales", "sales2", "sales",
            "manager1", "sales-managers", "finance1", "finance", "legal1", "legal", "delivery1", "delivery");
    /** The groups an approval of a closed order's big contract change waits for. */
    private static final List<String> APPROVER_GROUPS = List.of("sales-managers", "finance", "legal");

    /** Each orderflow process and an activity deep inside it, where a forged start would skip the checks. */
    private static final Map<String, String> PROCESS_INNER_ACTIVITY = orderedMap(
            "order-modification", "apply-modification", "order-closing", "close-order",
            "order-reopening", "reopen-order", "closed-order-review", "open-review", "send-email", "send",
            "invoice-settlement", "notify-settled", "deliver-webhook", "send");

    private static final String PROBE_KEY = "authz-matrix-probe";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    OrderLifecycle lifecycle;

    // ------------------------------------------------------------------------------------------------
    // The table
    // ------------------------------------------------------------------------------------------------

    /** One cell: a call by one user and the statuses that are right for it. */
    record Row(String method, String path, String user, Set<Integer> expected, Function<ApiClient, Response> send) {

        String name() {
            String statuses = expected.stream().sorted().map(String::valueOf).collect(Collectors.joining(" or "));
            return method + " " + path + " as " + user + " → " + statuses;
        }
    }

    /** The expected status of a /api endpoint for each column of {@link #API_USERS}. */
    record Rule(int anonymous, int owner, int otherRep, int manager, int finance, int legal, int delivery, int admin) {

        int of(String user) {
            return switch (user) {
                case ANONYMOUS -> anonymous;
                case "sales1" -> owner;
                case "sales2" -> otherRep;
                case "manager1" -> manager;
                case "finance1" -> finance;
                case "legal1" -> legal;
                case "delivery1" -> delivery;
                case "admin" -> admin;
                default -> throw new IllegalArgumentException(user);
            };
        }
    }

    /** Whoever may read the order (or what hangs off it); 404 to those who may not. */
    private static final Rule READ = new Rule(401, 200, 404, 200, 200, 200, 404, 200);
    /** The owner, sales managers and admins change an order; finance and legal only read it. */
    private static Rule change(int ok) {
        return new Rule(401, ok, 404, ok, 403, 403, 404, ok);
    }
    /** Finance and admins issue invoices (Actor.canBill); others who may read the order get 403. */
    private static final Rule INVOICE = new Rule(401, 403, 404, 403, 201, 403, 404, 201);
    private static final Rule BILL = new Rule(401, 403, 404, 403, 200, 403, 404, 200);
    /** Only the requester (sales1) and admins resubmit or withdraw a request; readers get 403. */
    private static Rule requester(int ok) {
        return new Rule(401, ok, 404, 403, 403, 403, 404, ok);
    }
    /** Sales reps, sales managers and admins create customers and orders. */
    private static Rule sell(int ok) {
        return new Rule(401, ok, ok, ok, 403, 403, 403, ok);
    }
    private static Rule adminOnly(int ok) {
        return new Rule(401, 403, 403, 403, 403, 403, 403, ok);
    }
    /** Reviews cover every closed order: sales managers, finance and admins read them. */
    private static final Rule OVERSEE = new Rule(401, 403, 403, 200, 200, 403, 403, 200);
    private static final Rule SIGNED_IN = new Rule(401, 200, 200, 200, 200, 200, 200, 200);

    /** What a /api row acts on; {@code item} is a delivery, request, report, review, customer or batch id. */
    record Target(long orderId, long item, String etag, String text) {

        static Target none() {
            return new Target(0, 0, null, null);
        }

        Target withItem(long other) {
            return new Target(orderId, other, etag, text);
        }
    }

    /** A /api endpoint: its rule, what it acts on (fresh when the call is expected to change it), the call. */
    record Endpoint(String method, String path, Rule rule, Function<Boolean, Target> target,
            java.util.function.BiFunction<ApiClient, Target, Response> call) {
    }

    @TestFactory
    Stream<DynamicNode> authorizationMatrix() {
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(org.junit.jupiter.api.DynamicContainer.dynamicContainer("Part 1: /api",
                apiRows().stream().map(this::test)));
        nodes.add(org.junit.jupiter.api.DynamicContainer.dynamicContainer("Part 2: /engine-rest, hostile",
                Stream.concat(Stream.concat(engineHostileRows().stream().map(this::test),
                        Stream.of(DynamicTest.dynamicTest("after every hostile engine row: nothing has changed",
                                this::nothingChanged))),
                        enginePermittedRows().stream().map(this::test))));
        return nodes.stream();
    }

    private DynamicTest test(Row row) {
        return DynamicTest.dynamicTest(row.name(), () -> {
            Response response = row.send().apply(client(row.user()));
            assertThat(response.status()).as("%s answered %s", row.name(), abbreviate(response.text()))
                    .isIn(row.expected());
        });
    }

    // ------------------------------------------------------------------------------------------------
    // Part 1: /api
    // ------------------------------------------------------------------------------------------------

    private List<Row> apiRows() {
        List<Endpoint> endpoints = new ArrayList<>();
        String order = "/api/orders/{id}";

        endpoints.add(new Endpoint("GET", "/actuator/health", new Rule(200, 200, 200, 200, 200, 200, 200, 200),
                fresh -> Target.none(), (api, t) -> api.get("/actuator/health")));
        endpoints.add(new Endpoint("GET", "/actuator/prometheus", new Rule(401, 403, 403, 403, 403, 403, 403, 200),
                fresh -> Target.none(), (api, t) -> api.get("/actuator/prometheus")));

        // customers
        endpoints.add(new Endpoint("POST", "/api/customers", sell(201), fresh -> Target.none(),
                (api, t) -> api.post("/api/customers", Map.of("name", "Matrix Buyer", "email", "buyer@matrix.test"))));
        endpoints.add(new Endpoint("GET", "/api/customers/{id} (created by sales1)", READ,
                fresh -> new Target(0, ownCustomer("sales1"), null, null),
                (api, t) -> api.get("/api/customers/" + t.item())));
        endpoints.add(new Endpoint("GET", "/api/customers/{id} (created by admin, ordered by sales1)", READ,
                fresh -> new Target(0, keyAccount.get(), null, null),
                (api, t) -> api.get("/api/customers/" + t.item())));

        // orders
        endpoints.add(new Endpoint("POST", "/api/orders (on a customer of the caller's)", sell(201),
                fresh -> Target.none(), (api, t) -> api.post("/api/orders",
                        Fixtures.orderBody(customerFor(userOf(api)), 1, "100.00"))));
        endpoints.add(new Endpoint("GET", "/api/orders?customerId={sales1's customer}", SIGNED_IN, fresh -> {
            readable.get(); // so that the customer has an order to list
            return new Target(0, ownCustomer("sales1"), null, null);
        }, this::listOnlyWhatTheyMayRead));
        endpoints.add(new Endpoint("GET", order, READ, fresh -> readable.get(),
                (api, t) -> api.get("/api/orders/" + t.orderId())));
        endpoints.add(new Endpoint("PATCH", order + " (current If-Match)", change(200), this::openOrder,
                (api, t) -> api.patch("/api/orders/" + t.orderId(), t.etag(), Map.of("discountPercent", 2))));
        // Authorization comes before the precondition: only those who may change it learn it is stale.
        endpoints.add(new Endpoint("PATCH", order + " (stale If-Match)", change(412), this::openOrder,
                (api, t) -> api.patch("/api/orders/" + t.orderId(), "\"999\"", Map.of("discountPercent", 2))));
        // ... and before the lock of a closed order.
        endpoints.add(new Endpoint("PATCH", order + " (closed order)", change(409), this::closedOrder,
                (api, t) -> api.patch("/api/orders/" + t.orderId(), t.etag(), Map.of("discountPercent", 2))));
        endpoints.add(new Endpoint("GET", order + "/deliveries", READ, fresh -> readable.get(),
                (api, t) -> api.get("/api/orders/" + t.orderId() + "/deliveries")));
        endpoints.add(new Endpoint("POST", order + "/deliveries/{deliveryId}/delivered", change(200), this::openOrder,
                (api, t) -> api.post("/api/orders/" + t.orderId() + "/deliveries/" + t.item() + "/delivered", "")));
        endpoints.add(new Endpoint("GET", order + "/invoices", READ, fresh -> readable.get(),
                (api, t) -> api.get("/api/orders/" + t.orderId() + "/invoices")));
        endpoints.add(new Endpoint("POST", order + "/invoices", INVOICE, this::openOrder,
                (api, t) -> api.post("/api/orders/" + t.orderId() + "/invoices", Map.of("amount", "100.00"))));
        endpoints.add(new Endpoint("GET", order + "/credit-notes", READ, fresh -> readable.get(),
                (api, t) -> api.get("/api/orders/" + t.orderId() + "/credit-notes")));
        endpoints.add(new Endpoint("GET", order + "/settlements", READ, fresh -> readable.get(),
                (api, t) -> api.get("/api/orders/" + t.orderId() + "/settlements")));
        endpoints.add(new Endpoint("GET", "/api/invoices/{id}", READ, this::invoicedOrder,
                (api, t) -> api.get("/api/invoices/" + t.item())));
        endpoints.add(new Endpoint("POST", "/api/invoices/{id}/credit-notes", INVOICE, this::invoicedOrder,
                (api, t) -> api.post("/api/invoices/" + t.item() + "/credit-notes", Map.of("amount", "1.00",
                        "reason", "Matrix credit"))));
        endpoints.add(new Endpoint("POST", "/api/invoices/{id}/void", BILL, fresh -> newInvoicedOrder(),
                (api, t) -> api.post("/api/invoices/" + t.item() + "/void", Map.of("reason", "Matrix void"))));
        endpoints.add(new Endpoint("GET", "/api/credit-notes/{id}", READ, fresh -> creditedOrder.get(),
                (api, t) -> api.get("/api/credit-notes/" + t.item())));
        endpoints.add(new Endpoint("POST", order + "/close", change(202), this::openOrder,
                (api, t) -> api.post("/api/orders/" + t.orderId() + "/close", "")));
        endpoints.add(new Endpoint("POST", order + "/reopen (closed order)", change(202), this::closedOrder,
                (api, t) -> api.post("/api/orders/" + t.orderId() + "/reopen", Map.of("reason", "Closed by mistake"))));
        endpoints.add(new Endpoint("POST", order + "/cancel", change(200), this::openOrder,
                (api, t) -> api.post("/api/orders/" + t.orderId() + "/cancel", "")));
        endpoints.add(new Endpoint("POST", order + "/modification-requests", change(201), this::openOrder,
                (api, t) -> api.post("/api/orders/" + t.orderId() + "/modification-requests", Map.of(
                        "reason", "CORRECTION", "description", "New phone number",
                        "changes", Map.of("customer.phone", newPhone(t.orderId()))))));
        endpoints.add(new Endpoint("GET", order + "/modification-requests", READ, fresh -> readable.get(),
                (api, t) -> api.get("/api/orders/" + t.orderId() + "/modification-requests")));
        endpoints.add(new Endpoint("GET", order + "/revisions", READ, fresh -> readable.get(),
                (api, t) -> api.get("/api/orders/" + t.orderId() + "/revisions")));
        endpoints.add(new Endpoint("GET", order + "/revisions/1", READ, fresh -> readable.get(),
                (api, t) -> api.get("/api/orders/" + t.orderId() + "/revisions/1")));
        endpoints.add(new Endpoint("GET", order + "/revisions/1/diff/2", READ, fresh -> readable.get(),
                (api, t) -> api.get("/api/orders/" + t.orderId() + "/revisions/1/diff/2")));
        endpoints.add(new Endpoint("POST", order + "/revisions/1/restore", change(201), this::revisedOrder,
                (api, t) -> api.post("/api/orders/" + t.orderId() + "/revisions/1/restore",
                        Map.of("description", "Back to the signed order"))));
        endpoints.add(new Endpoint("GET", order + "/audit", READ, fresh -> readable.get(),
                (api, t) -> api.get("/api/orders/" + t.orderId() + "/audit")));
        endpoints.add(new Endpoint("GET", order + "/notifications", READ, fresh -> readable.get(),
                (api, t) -> api.get("/api/orders/" + t.orderId() + "/notifications")));
        endpoints.add(new Endpoint("GET", order + "/reports", READ, fresh -> readable.get(),
                (api, t) -> api.get("/api/orders/" + t.orderId() + "/reports")));

        // what hangs off an order, addressed by its own id
        endpoints.add(new Endpoint("GET", "/api/reports/{id} (modification report of sales1's order)", READ,
                fresh -> readable.get().withItem(readableReport.get()),
                (api, t) -> api.get("/api/reports/" + t.item())));
        endpoints.add(new Endpoint("GET", "/api/modification-requests/{id}", READ,
                fresh -> readable.get().withItem(readableRequest.get()),
                (api, t) -> api.get("/api/modification-requests/" + t.item())));
        endpoints.add(new Endpoint("POST", "/api/modification-requests/{id}/resubmit (rejected request)",
                requester(200), this::rejectedRequest,
                (api, t) -> api.post("/api/modification-requests/" + t.item() + "/resubmit",
                        Map.of("changes", Map.of("salesStage", "PROPOSAL")))));
        endpoints.add(new Endpoint("POST", "/api/modification-requests/{id}/withdraw (request in approval)",
                requester(200), this::requestInApproval,
                (api, t) -> api.post("/api/modification-requests/" + t.item() + "/withdraw", "")));

        // reviews and administration
        endpoints.add(new Endpoint("POST", "/api/admin/reviews", adminOnly(202), fresh -> Target.none(),
                (api, t) -> api.post("/api/admin/reviews", "")));
        endpoints.add(new Endpoint("GET", "/api/reviews", OVERSEE, fresh -> Target.none(),
                (api, t) -> api.get("/api/reviews")));
        endpoints.add(new Endpoint("GET", "/api/reviews/{id}", OVERSEE, fresh -> new Target(0, review.get(), null, null),
                (api, t) -> api.get("/api/reviews/" + t.item())));
        endpoints.add(new Endpoint("POST", "/api/admin/processes/deploy", adminOnly(200), fresh -> Target.none(),
                (api, t) -> api.post("/api/admin/processes/deploy", "")));
        endpoints.add(new Endpoint("POST", "/api/admin/processes/{key}/migrate (an instance on an old version)",
                adminOnly(200), fresh -> {
                    if (fresh) {
                        probeInstanceOnOldVersion();
                    }
                    return Target.none();
                }, (api, t) -> {
                    Response response = api.post("/api/admin/processes/" + PROBE_KEY + "/migrate", "");
                    awaitProbeMigrated();
                    return response;
                }));
        endpoints.add(new Endpoint("GET", "/api/admin/processes/batches/{id}", adminOnly(200),
                fresh -> new Target(0, 0, null, migrationBatch.get()),
                (api, t) -> api.get("/api/admin/processes/batches/" + t.text())));

        List<Row> rows = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (String user : API_USERS) {
                int expected = endpoint.rule().of(user);
                rows.add(new Row(endpoint.method(), endpoint.path(), user, Set.of(expected),
                        api -> callApi(endpoint, api, expected)));
            }
        }
        return rows;
    }

    /**
     * Runs one /api row: a call expected to change something gets fixtures of its own; a refused call
     * shares them and must leave the order as it was.
     */
    private Response callApi(Endpoint endpoint, ApiClient api, int expected) {
        boolean changes = expected / 100 == 2 && !endpoint.method().equals("GET");
        Target target = endpoint.target().apply(changes);
        String before = target.orderId() == 0 ? null : orderState(target.orderId());
        Response response = endpoint.call().apply(api, target);
        if (before != null && response.status() / 100 == 4) {
            assertThat(orderState(target.orderId())).as("order %d after a refused call", target.orderId())
                    .isEqualTo(before);
        }
        return response;
    }

    /** Everyone may list orders, but only those they may read: sales1's customer's orders are not sales2's. */
    private Response listOnlyWhatTheyMayRead(ApiClient api, Target t) {
        Response response = api.get("/api/orders?customerId=" + t.item());
        if (response.status() == 200) {
            String user = userOf(api);
            long listed = response.json().get("totalElements").asLong();
            if (READ.of(user) == 200) {
                assertThat(listed).as("orders of sales1's customer listed to %s", user).isPositive();
            } else {
                assertThat(listed).as("orders of sales1's customer listed to %s", user).isZero();
            }
        }
        return response;
    }

    // ------------------------------------------------------------------------------------------------
    // Part 2: /engine-rest as a hostile client
    // ------------------------------------------------------------------------------------------------

    /** What the engine rows attack: real rows and instances, made before the first of them runs. */
    record Approval(long requestId, long orderId, String orderNumber, String processInstanceId,
            Map<String, JsonNode> taskByGroup) {

        JsonNode task(String group) {
            return taskByGroup.get(group);
        }
    }

    record EngineWorld(Approval victim, Approval completeAttack, Approval submitFormAttack, Approval toApprove,
            Map<String, String> definitionIds, String completedInstanceId, String completedDefinitionId,
            String timerJobId, String deploymentId, String probeAuthorizationId, JsonNode migrationPlan,
            EngineState before) {
    }

    private List<Row> engineHostileRows() {
        List<Row> rows = new ArrayList<>();
        Set<Integer> refused = Set.of(403);
        // Where the engine may find the body wrong before it asks who is calling, either refusal is right.
        Set<Integer> refusedOrInvalid = Set.of(400, 403);
        // A record the caller may not even read (another user, a grant): the engine answers as if it did not
        // exist, which refuses without telling whether it does; a plain 403 is right too.
        Set<Integer> refusedOrUnseen = Set.of(403, 404);

        // reading tasks stays allowed (and changes nothing)
        each(rows, "GET", "/engine-rest/task", Set.of(200), (api, w) -> api.get("/engine-rest/task"));

        // process start, every way the engine REST API offers
        for (var process : PROCESS_INNER_ACTIVITY.entrySet()) {
            String key = process.getKey();
            String start = "/engine-rest/process-definition/key/" + key + "/start";
            each(rows, "POST", start, refused, (api, w) -> api.post(start, "{}"));
            each(rows, "POST", start + " (variables pointing at real rows)", refused,
                    (api, w) -> api.post(start, Map.of("businessKey", w.victim().orderNumber(),
                            "variables", forgedVariables(w, userOf(api)))));
            each(rows, "POST", start + " (startInstructions before " + process.getValue() + ")", refused,
                    (api, w) -> api.post(start, Map.of("businessKey", w.victim().orderNumber(),
                            "variables", forgedVariables(w, userOf(api)),
                            "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                                    "activityId", process.getValue())))));
            String submit = "/engine-rest/process-definition/key/" + key + "/submit-form";
            each(rows, "POST", submit, refused, (api, w) -> api.post(submit, Map.of("businessKey",
                    w.victim().orderNumber(), "variables", forgedVariables(w, userOf(api)))));
            each(rows, "POST", "/engine-rest/process-definition/{id of " + key + "}/start", refused,
                    (api, w) -> api.post("/engine-rest/process-definition/" + w.definitionIds().get(key) + "/start",
                            Map.of("variables", forgedVariables(w, userOf(api)))));
            String named = "/engine-rest/engine/default/process-definition/key/" + key + "/start";
            each(rows, "POST", named, refused, (api, w) -> api.post(named, Map.of("variables",
                    forgedVariables(w, userOf(api)))));
        }

        // instance modification, restart, migration
        each(rows, "POST", "/engine-rest/process-instance/{request in approval}/modification", refused,
                (api, w) -> api.post("/engine-rest/process-instance/" + w.victim().processInstanceId() + "/modification",
                        Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
                                "activityId", "apply-modification")))));
        each(rows, "POST", "/engine-rest/modification/execute", refused,
                (api, w) -> api.post("/engine-rest/modification/execute", Map.of(
                        "processDefinitionId", w.definitionIds().get("order-modification"),
                        "processInstanceIds", List.of(w.victim().processInstanceId()),
                        "instructions", List.of(Map.of("type", "startBeforeActivity",
                                "activityId", "apply-modification")))));
        each(rows, "POST", "/engine-rest/process-definition/{id}/restart (a completed request)", refused,
                (api, w) -> api.post("/engine-rest/process-definition/" + w.completedDefinitionId() + "/restart",
                        Map.of("processInstanceIds", List.of(w.completedInstanceId()),
                                "instructions", List.of(Map.of("type", "startBeforeActivity",
                                        "activityId", "apply-modification")))));
        each(rows, "POST", "/engine-rest/migration/execute", refused,
                (api, w) -> api.post("/engine-rest/migration/execute", Map.of("migrationPlan", w.migrationPlan(),
                        "processInstanceIds", List.of(w.victim().processInstanceId()))));

        // variables of a waiting approval (the caller's own group's task where they have one)
        Map<String, Object> forgedRequester = Map.of("requester", typed("sales2", "String"));
        each(rows, "POST", "/engine-rest/task/{approval}/variables", refused,
                (api, w) -> api.post("/engine-rest/task/" + taskOf(w.victim(), api) + "/variables",
                        Map.of("modifications", forgedRequester)));
        each(rows, "PUT", "/engine-rest/task/{approval}/variables/requester", refused,
                (api, w) -> put(api, "/engine-rest/task/" + taskOf(w.victim(), api) + "/variables/requester",
                        typed("sales2", "String")));
        each(rows, "PUT", "/engine-rest/task/{approval}/localVariables/approved", refused,
                (api, w) -> put(api, "/engine-rest/task/" + taskOf(w.victim(), api) + "/localVariables/approved",
                        typed(true, "Boolean")));
        each(rows, "POST", "/engine-rest/task/{approval}/localVariables", refused,
                (api, w) -> api.post("/engine-rest/task/" + taskOf(w.victim(), api) + "/localVariables",
                        Map.of("modifications", Map.of("approved", typed(true, "Boolean")))));
        each(rows, "POST", "/engine-rest/execution/{approval's execution}/localVariables", refused,
                (api, w) -> api.post("/engine-rest/execution/" + w.victim().task(groupFor(api)).get("executionId")
                        .asText() + "/localVariables", Map.of("modifications",
                                Map.of("approved", typed(true, "Boolean")))));
        each(rows, "PUT", "/engine-rest/process-instance/{request in approval}/variables/requester", refused,
                (api, w) -> put(api, "/engine-rest/process-instance/" + w.victim().processInstanceId()
                        + "/variables/requester", typed("sales2", "String")));
        each(rows, "POST", "/engine-rest/process-instance/{request in approval}/variables", refused,
                (api, w) -> api.post("/engine-rest/process-instance/" + w.victim().processInstanceId() + "/variables",
                        Map.of("modifications", Map.of("requestId", typed(w.completeAttack().requestId(), "Long")))));

        // completing an approval with more than its form's fields (approved, comment)
        Map<String, Object> smuggled = Map.of("approved", typed(true, "Boolean"),
                "requester", typed("someone-else", "String"));
        for (String user : ENGINE_USERS) {
            boolean candidate = GROUP_OF.get(user) != null && APPROVER_GROUPS.contains(GROUP_OF.get(user));
            // A member of the task's candidate group may work on it: the extra field makes the body invalid.
            // Anyone else may not touch the task at all; refusing them for either reason is right.
            Set<Integer> expected = candidate ? Set.of(400) : refusedOrInvalid;
            rows.add(new Row("POST", "/engine-rest/task/{approval" + (candidate ? " of my group" : "")
                    + "}/complete (approved + requester)", user, expected, api -> {
                        EngineWorld w = engineWorld.get();
                        Approval target = candidate ? w.completeAttack() : w.victim();
                        return api.post("/engine-rest/task/" + target.task(groupFor(api)).get("id").asText()
                                + "/complete", Map.of("variables", smuggled));
                    }));
            rows.add(new Row("POST", "/engine-rest/task/{approval" + (candidate ? " of my group" : "")
                    + "}/submit-form (approved + requester)", user, expected, api -> {
                        EngineWorld w = engineWorld.get();
                        Approval target = candidate ? w.submitFormAttack() : w.victim();
                        return api.post("/engine-rest/task/" + target.task(groupFor(api)).get("id").asText()
                                + "/submit-form", Map.of("variables", smuggled));
                    }));
        }

        // messages, signals, jobs, external tasks
        // No orderflow process waits for a message: the engine may refuse it as uncorrelatable first.
        each(rows, "POST", "/engine-rest/message", refusedOrInvalid,
                (api, w) -> api.post("/engine-rest/message", Map.of("messageName", "modification-approved",
                        "processInstanceId", w.victim().processInstanceId(), "all", true)));
        each(rows, "POST", "/engine-rest/signal", refused,
                (api, w) -> api.post("/engine-rest/signal", Map.of("name", "orderflow-approve-all")));
        each(rows, "POST", "/engine-rest/job/{approval timer}/execute", refused,
                (api, w) -> api.post("/engine-rest/job/" + w.timerJobId() + "/execute", ""));
        each(rows, "PUT", "/engine-rest/job/{approval timer}/retries", refused,
                (api, w) -> put(api, "/engine-rest/job/" + w.timerJobId() + "/retries", Map.of("retries", 7)));
        each(rows, "PUT", "/engine-rest/job/{approval timer}/duedate", refused,
                (api, w) -> put(api, "/engine-rest/job/" + w.timerJobId() + "/duedate",
                        Map.of("duedate", "2020-01-01T00:00:00.000+0000")));
        each(rows, "POST", "/engine-rest/external-task/fetchAndLock", refused,
                (api, w) -> api.post("/engine-rest/external-task/fetchAndLock", Map.of("workerId", "intruder",
                        "maxTasks", 10, "topics", List.of(Map.of("topicName", "orderflow", "lockDuration", 60000)))));

        // deployments
        each(rows, "POST", "/engine-rest/deployment/create (a small BPMN)", refused,
                (api, w) -> deploy(api, "intruder-plain", "${true}"));
        each(rows, "POST", "/engine-rest/deployment/create (a BPMN with code)", refused,
                (api, w) -> deploy(api, "intruder-code",
                        "${execution.processEngineServices.identityService.createMembership('sales1', 'camunda-admin')}"));

        // identity and authorizations
        each(rows, "POST", "/engine-rest/user/create", refused, (api, w) -> api.post("/engine-rest/user/create",
                Map.of("profile", Map.of("id", "intruder" + userOf(api), "firstName", "In", "lastName", "Truder",
                        "email", "intruder@hostile.test"), "credentials", Map.of("password", "intruder"))));
        // A stand-in of the same group (made by admin) asks to delete itself, so no demo user is at stake.
        for (String user : ENGINE_USERS) {
            rows.add(new Row("DELETE", "/engine-rest/user/{self}", "a " + GROUP_OF.get(user) + " member like " + user,
                    Set.of(403), api -> {
                        engineWorld.get();
                        return standIn(user, "del").send("DELETE", "/engine-rest/user/" + standInId(user, "del"),
                                null, null);
                    }));
        }
        each(rows, "POST", "/engine-rest/group/create", refused, (api, w) -> api.post("/engine-rest/group/create",
                Map.of("id", "intruders", "name", "Intruders", "type", "WORKFLOW")));
        each(rows, "PUT", "/engine-rest/group/camunda-admin/members/{self}", refused,
                (api, w) -> api.send("PUT", "/engine-rest/group/camunda-admin/members/" + userOf(api), null, null));
        each(rows, "POST", "/engine-rest/authorization/create", refused,
                (api, w) -> api.post("/engine-rest/authorization/create", Map.of("type", 1,
                        "permissions", List.of("ALL"), "userId", userOf(api), "resourceType", 6, "resourceId", "*")));
        each(rows, "PUT", "/engine-rest/authorization/{id}", refusedOrUnseen,
                (api, w) -> put(api, "/engine-rest/authorization/" + w.probeAuthorizationId(), Map.of(
                        "permissions", List.of("ALL"), "userId", userOf(api), "resourceType", 6, "resourceId", "*")));
        each(rows, "DELETE", "/engine-rest/authorization/{id}", refusedOrUnseen,
                (api, w) -> api.send("DELETE", "/engine-rest/authorization/" + w.probeAuthorizationId(), null, null));
        each(rows, "PUT", "/engine-rest/user/{other}/profile", refusedOrUnseen,
                (api, w) -> put(api, "/engine-rest/user/" + otherUser(userOf(api)) + "/profile",
                        Map.of("id", otherUser(userOf(api)), "firstName", "Owned", "lastName", "Owned",
                                "email", "intruder@hostile.test")));

        // an expression in a query stays refused
        each(rows, "GET", "/engine-rest/task?assigneeExpression=${currentUser()}", refusedOrInvalid,
                (api, w) -> api.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D"));

        // instances and deployments, deleting and suspending (last: today's holes here would hide others)
        each(rows, "PUT", "/engine-rest/process-instance/{request in approval}/suspended", refused,
                (api, w) -> put(api, "/engine-rest/process-instance/" + w.victim().processInstanceId() + "/suspended",
                        Map.of("suspended", true)));
        each(rows, "DELETE", "/engine-rest/process-instance/{request in approval}", refused,
                (api, w) -> api.send("DELETE", "/engine-rest/process-instance/" + w.victim().processInstanceId(),
                        null, null));
        each(rows, "DELETE", "/engine-rest/deployment/{orderflow's deployment}", refused,
                (api, w) -> api.send("DELETE", "/engine-rest/deployment/" + w.deploymentId(), null, null));
        return rows;
    }

    /** What users must still be able to do over /engine-rest; these rows change state on purpose. */
    private List<Row> enginePermittedRows() {
        List<Row> rows = new ArrayList<>();
        each(rows, "PUT", "/engine-rest/user/{self}/profile (unchanged values)", Set.of(204), (api, w) -> {
            JsonNode profile = as("admin").get("/engine-rest/user/" + userOf(api) + "/profile").json();
            return put(api, "/engine-rest/user/" + userOf(api) + "/profile", profile);
        });
        for (String user : ENGINE_USERS) {
            rows.add(new Row("PUT", "/engine-rest/user/{self}/credentials", "a " + GROUP_OF.get(user)
                    + " member like " + user, Set.of(204), api -> {
                        engineWorld.get();
                        return put(standIn(user, "pw"), "/engine-rest/user/" + standInId(user, "pw") + "/credentials",
                                Map.of("password", "changed-" + standInId(user, "pw"),
                                        "authenticatedUserPassword", standInPassword(user, "pw")));
                    }));
        }
        // A sales manager decides on someone else's request with the form's fields only.
        rows.add(new Row("POST", "/engine-rest/task/{sales1's approval}/claim", "manager1", Set.of(204),
                api -> api.post("/engine-rest/task/" + engineWorld.get().toApprove().task("sales-managers")
                        .get("id").asText() + "/claim", Map.of("userId", "manager1"))));
        rows.add(new Row("POST", "/engine-rest/task/{sales1's approval}/complete (approved + comment)", "manager1",
                Set.of(204), api -> api.post("/engine-rest/task/" + engineWorld.get().toApprove()
                        .task("sales-managers").get("id").asText() + "/complete", Map.of("variables", Map.of(
                                "approved", typed(true, "Boolean"), "comment", typed("Fine by me", "String"))))));
        return rows;
    }

    /** One row per hostile user for a call that needs the engine world. */
    private void each(List<Row> rows, String method, String path, Set<Integer> expected,
            java.util.function.BiFunction<ApiClient, EngineWorld, Response> call) {
        for (String user : ENGINE_USERS) {
            rows.add(new Row(method, path, user, expected, api -> call.apply(api, engineWorld.get())));
        }
    }

    private void nothingChanged() {
        EngineWorld world = engineWorld.get();
        try {
            awaitQuiet();
            EngineState.read(as("admin"), jdbc, memberList(), attackedInstances(world)).assertSameAs(world.before());
        } finally {
            repair(world.before());
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Fixtures
    // ------------------------------------------------------------------------------------------------

    private final Map<String, Long> customers = new HashMap<>();
    /**
     * A customer an admin created and sales1 owns an order of. No API call makes that (a rep orders only
     * on customers they see, and an order's owner is who creates it), so the admin's order is handed to
     * sales1 in SQL, as a reassignment of accounts would.
     */
    private final Lazy<Long> keyAccount = new Lazy<>(() -> {
        long id = Fixtures.customer(as("admin"), "Matrix Key Account");
        long orderId = Fixtures.order(as("admin"), id).get("id").asLong();
        jdbc.update("update sales_order set owner = 'sales1' where id = ?", orderId);
        return id;
    });
    /** An order of sales1's with a revision 2, a request, a report and emails: everything a reader may read. */
    private final Lazy<Target> readable = new Lazy<>(this::readableOrder);
    private final Lazy<Long> readableRequest = new Lazy<>(() -> readable.get().item());
    private final Lazy<Long> readableReport = new Lazy<>(() -> {
        long orderId = readable.get().orderId();
        Await.until("the modification report of order " + orderId + " is written",
                () -> as("admin").get("/api/orders/" + orderId + "/reports").json().size() > 0);
        return as("admin").get("/api/orders/" + orderId + "/reports").json().get(0).get("id").asLong();
    });
    private final Lazy<Target> sharedOpen = new Lazy<>(this::newOpenOrder);
    private final Lazy<Target> sharedClosed = new Lazy<>(this::newClosedOrder);
    private final Lazy<Target> sharedRevised = new Lazy<>(this::newRevisedOrder);
    private final Lazy<Target> sharedInApproval = new Lazy<>(this::newRequestInApproval);
    private final Lazy<Target> sharedRejected = new Lazy<>(this::newRejectedRequest);
    private final Lazy<Long> review = new Lazy<>(() -> {
        var started = as("admin").post("/api/admin/reviews", "");
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        return started.json().get("reviewId").asLong();
    });
    private final Lazy<List<String>> probeDefinitions = new Lazy<>(this::deployProbeVersions);
    private final Lazy<String> migrationBatch = new Lazy<>(() -> {
        probeInstanceOnOldVersion();
        var migrated = as("admin").post("/api/admin/processes/" + PROBE_KEY + "/migrate", "");
        assertThat(migrated.status()).as(migrated.text()).isEqualTo(200);
        awaitProbeMigrated();
        return migrated.json().get("batchIds").get(0).asText();
    });
    private final Lazy<EngineWorld> engineWorld = new Lazy<>(this::buildEngineWorld);

    private final Lazy<Target> sharedInvoiced = new Lazy<>(this::newInvoicedOrder);
    private final Lazy<Target> creditedOrder = new Lazy<>(() -> {
        Target invoiced = newInvoicedOrder();
        var note = as("finance1").post("/api/invoices/" + invoiced.item() + "/credit-notes",
                Map.of("amount", "1.00", "reason", "Matrix credit"));
        assertThat(note.status()).as(note.text()).isEqualTo(201);
        return invoiced.withItem(note.json().get("id").asLong());
    });

    private Target invoicedOrder(boolean fresh) {
        return fresh ? newInvoicedOrder() : sharedInvoiced.get();
    }

    /** An open order of sales1 with an invoice of 3000.00; {@code item} is the invoice. */
    private Target newInvoicedOrder() {
        Target open = newOpenOrder();
        var invoice = as("finance1").post("/api/orders/" + open.orderId() + "/invoices", Map.of("amount", "3000.00"));
        assertThat(invoice.status()).as(invoice.text()).isEqualTo(201);
        return open.withItem(invoice.json().get("id").asLong());
    }

    private Target openOrder(boolean fresh) {
        return fresh ? newOpenOrder() : sharedOpen.get();
    }

    private Target closedOrder(boolean fresh) {
        return fresh ? newClosedOrder() : sharedClosed.get();
    }

    private Target revisedOrder(boolean fresh) {
        return fresh ? newRevisedOrder() : sharedRevised.get();
    }

    private Target requestInApproval(boolean fresh) {
        return fresh ? newRequestInApproval() : sharedInApproval.get();
    }

    private Target rejectedRequest(boolean fresh) {
        return fresh ? newRejectedRequest() : sharedRejected.get();
    }

    private long ownCustomer(String user) {
        return customers.computeIfAbsent(user, u -> Fixtures.customer(as(u), "Matrix Customer of " + u));
    }

    /** Those who may not create customers try to order on sales1's. */
    private long customerFor(String user) {
        return sell(201).of(user) == 201 ? ownCustomer(user) : ownCustomer("sales1");
    }

    private Target newOpenOrder() {
        JsonNode order = Fixtures.order(as("sales1"), ownCustomer("sales1"));
        long id = order.get("id").asLong();
        long delivery = as("admin").get("/api/orders/" + id + "/deliveries").json().get(0).get("id").asLong();
        return new Target(id, delivery, etag(id), order.get("orderNumber").asText());
    }

    private Target newClosedOrder() {
        Target open = newOpenOrder();
        lifecycle.close(open.orderId(), "sales1");
        return new Target(open.orderId(), open.item(), etag(open.orderId()), open.text());
    }

    private Target newRevisedOrder() {
        Target open = newOpenOrder();
        var patched = as("sales1").patch("/api/orders/" + open.orderId(), open.etag(), Map.of("discountPercent", 5));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        return new Target(open.orderId(), open.item(), etag(open.orderId()), open.text());
    }

    /** A request of sales1's on a closed order, waiting for the sales managers. */
    private Target newRequestInApproval() {
        Target closed = newClosedOrder();
        JsonNode request = fileRequest(closed.orderId(), Map.of("salesStage", "NEGOTIATION"));
        long id = request.get("id").asLong();
        awaitRequest(id, "IN_APPROVAL");
        return new Target(closed.orderId(), id, closed.etag(), request.get("processInstanceId").asText());
    }

    /** Rejected by the sales managers: sales1 has a revise-request task. */
    private Target newRejectedRequest() {
        Target inApproval = newRequestInApproval();
        JsonNode task = tasksOf(inApproval.text()).get("sales-managers");
        var rejected = as("manager1").post("/engine-rest/task/" + task.get("id").asText() + "/complete",
                Map.of("variables", Map.of("approved", typed(false, "Boolean"),
                        "comment", typed("Not without a reason", "String"))));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(204);
        awaitRequest(inApproval.item(), "REJECTED");
        Await.until("sales1 has the revise-request task", () -> as("admin").get("/engine-rest/task?processInstanceId="
                + inApproval.text() + "&taskDefinitionKey=revise-request").json().size() == 1);
        return inApproval;
    }

    private Target readableOrder() {
        Target open = newOpenOrder();
        JsonNode request = fileRequest(open.orderId(), Map.of("customer.phone", newPhone(open.orderId())));
        long id = request.get("id").asLong();
        awaitRequest(id, "APPLIED");
        return new Target(open.orderId(), id, etag(open.orderId()), request.get("processInstanceId").asText());
    }

    /**
     * A phone number no order has yet. An applied customer.* change also changes the customer record
     * that later orders copy, so a fixed new value would already be the current one for the next order.
     */
    private static String newPhone(long orderId) {
        return "+86 21 6666 " + orderId;
    }

    private JsonNode fileRequest(long orderId, Map<String, Object> changes) {
        var filed = as("sales1").post("/api/orders/" + orderId + "/modification-requests",
                Map.of("reason", "CORRECTION", "description", "Authorization matrix", "changes", changes));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        return filed.json();
    }

    /** A request on a closed order that changes the total by 27,000 and the contract: three approvals. */
    private Approval approvalOfAllThree() {
        Target closed = newClosedOrder();
        JsonNode request = fileRequest(closed.orderId(), Map.of(
                "lines", List.of(Map.of("sku", "PUMP-7", "description", "Industrial pump", "quantity", 20,
                        "unitPrice", "1500.00")),
                "contract.paymentTermsDays", 60));
        long id = request.get("id").asLong();
        awaitRequest(id, "IN_APPROVAL");
        String pid = request.get("processInstanceId").asText();
        Await.until("request " + id + " waits for " + APPROVER_GROUPS, () -> tasksOf(pid).keySet()
                .containsAll(APPROVER_GROUPS));
        return new Approval(id, closed.orderId(), closed.text(), pid, tasksOf(pid));
    }

    private Approval approvalOfSalesManagers() {
        Target inApproval = newRequestInApproval();
        Await.until("the sales managers have the task", () -> tasksOf(inApproval.text()).containsKey("sales-managers"));
        return new Approval(inApproval.item(), inApproval.orderId(), null, inApproval.text(), tasksOf(inApproval.text()));
    }

    private EngineWorld buildEngineWorld() {
        ApiClient admin = as("admin");
        Approval victim = approvalOfAllThree();
        Approval completeAttack = approvalOfAllThree();
        Approval submitFormAttack = approvalOfAllThree();
        Approval toApprove = approvalOfSalesManagers();

        Map<String, String> definitions = new LinkedHashMap<>();
        for (String key : PROCESS_INNER_ACTIVITY.keySet()) {
            definitions.put(key, admin.get("/engine-rest/process-definition/key/" + key).json().get("id").asText());
        }
        String completed = readable.get().text();
        Await.until("the applied request's process has ended", () -> "COMPLETED".equals(
                admin.get("/engine-rest/history/process-instance/" + completed).json().path("state").asText()));
        String completedDefinition = admin.get("/engine-rest/history/process-instance/" + completed).json()
                .get("processDefinitionId").asText();
        String timer = admin.get("/engine-rest/job?timers=true&processInstanceId=" + victim.processInstanceId())
                .json().get(0).get("id").asText();
        String deployment = admin.get("/engine-rest/process-definition/" + definitions.get("order-modification"))
                .json().get("deploymentId").asText();
        removeProbeGrant();
        var grant = admin.post("/engine-rest/authorization/create", Map.of("type", 1, "permissions", List.of("READ"),
                "userId", "authz-matrix-nobody", "resourceType", 5, "resourceId", "authz-matrix-probe"));
        assertThat(grant.status()).as(grant.text()).isEqualTo(200);
        for (String user : ENGINE_USERS) {
            createStandIn(user, "del");
            createStandIn(user, "pw");
        }
        awaitQuiet();
        // A valid plan (the engine's own, onto the same version), so only the caller makes it wrong.
        var plan = admin.post("/engine-rest/migration/generate", Map.of(
                "sourceProcessDefinitionId", definitions.get("order-modification"),
                "targetProcessDefinitionId", definitions.get("order-modification")));
        assertThat(plan.status()).as(plan.text()).isEqualTo(200);
        EngineWorld partial = new EngineWorld(victim, completeAttack, submitFormAttack, toApprove, definitions,
                completed, completedDefinition, timer, deployment, grant.json().get("id").asText(), plan.json(), null);
        EngineState before = EngineState.read(admin, jdbc, memberList(), attackedInstances(partial));
        return new EngineWorld(victim, completeAttack, submitFormAttack, toApprove, definitions, completed,
                completedDefinition, timer, deployment, partial.probeAuthorizationId(), plan.json(), before);
    }

    private static List<String> attackedInstances(EngineWorld w) {
        return List.of(w.victim().processInstanceId(), w.completeAttack().processInstanceId(),
                w.submitFormAttack().processInstanceId(), w.toApprove().processInstanceId());
    }

    private List<String> memberList() {
        List<String> members = new ArrayList<>(ENGINE_USERS);
        members.add("admin");
        for (String user : ENGINE_USERS) {
            members.add(standInId(user, "del"));
            members.add(standInId(user, "pw"));
        }
        return members;
    }

    /** Variables a forged start would need to act on real rows, as the caller or someone else. */
    private static Map<String, Object> forgedVariables(EngineWorld w, String caller) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("requestId", typed(w.victim().requestId(), "Long"));
        variables.put("orderId", typed(w.victim().orderId(), "Long"));
        variables.put("orderNumber", typed(w.victim().orderNumber(), "String"));
        variables.put("requester", typed(otherUser(caller), "String"));
        variables.put("owner", typed(caller, "String"));
        variables.put("approved", typed(true, "Boolean"));
        variables.put("reason", typed("Forged", "String"));
        variables.put("mails", typed("modificationMails", "String"));
        variables.put("template", typed("modification-applied", "String"));
        return variables;
    }

    /** The caller's own group's approval task where they are a candidate, else the sales managers'. */
    private String taskOf(Approval approval, ApiClient api) {
        return approval.task(groupFor(api)).get("id").asText();
    }

    private String groupFor(ApiClient api) {
        String group = GROUP_OF.get(userOf(api));
        return APPROVER_GROUPS.contains(group) ? group : "sales-managers";
    }

    private Map<String, JsonNode> tasksOf(String processInstanceId) {
        Map<String, JsonNode> byGroup = new LinkedHashMap<>();
        for (String group : APPROVER_GROUPS) {
            JsonNode tasks = as("admin").get("/engine-rest/task?processInstanceId=" + processInstanceId
                    + "&candidateGroup=" + group + "&taskDefinitionKey=approve-modification").json();
            if (tasks.size() == 1) {
                byGroup.put(group, tasks.get(0));
            }
        }
        return byGroup;
    }

    private void awaitRequest(long requestId, String status) {
        Await.until("request " + requestId + " is " + status, () -> status.equals(
                as("admin").get("/api/modification-requests/" + requestId).json().path("status").asText()));
    }

    private String etag(long orderId) {
        return as("admin").get("/api/orders/" + orderId).header("ETag");
    }

    private String orderState(long orderId) {
        JsonNode order = as("admin").get("/api/orders/" + orderId).json();
        return order.get("status").asText() + " v" + order.get("version").asLong() + " r" + order.get("revision").asInt();
    }

    // --- the probe process the migration rows move from version 1 to version 2

    private List<String> deployProbeVersions() {
        List<String> ids = new ArrayList<>();
        for (int version = 1; version <= 2; version++) {
            String bpmn = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="probe" targetNamespace="http://orderflow.test">
                      <bpmn:process id="%s" name="Probe v%d" isExecutable="true" camunda:historyTimeToLive="1">
                        <bpmn:startEvent id="start"/>
                        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
                        <bpmn:receiveTask id="wait"/>
                        <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
                        <bpmn:endEvent id="end"/>
                      </bpmn:process>
                    </bpmn:definitions>
                    """.formatted(PROBE_KEY, version);
            var deployment = repository.createDeployment().name(PROBE_KEY).addString("probe.bpmn", bpmn).deploy();
            ids.add(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult().getId());
        }
        return ids;
    }

    /** One instance on the probe's version 1, once no earlier batch is still moving one. */
    private void probeInstanceOnOldVersion() {
        awaitProbeMigrated();
        runtime.startProcessInstanceById(probeDefinitions.get().get(0));
    }

    private void awaitProbeMigrated() {
        String oldVersion = probeDefinitions.get().get(0);
        Await.until("no probe instance is left on version 1", () -> runtime.createProcessInstanceQuery()
                .processDefinitionId(oldVersion).count() == 0 && management.createBatchQuery().count() == 0);
    }

    // --- stand-ins: throwaway members of a user's group, for the rows that would harm the user

    /** Camunda's default pattern allows letters and digits only in user ids. */
    private static String standInId(String user, String purpose) {
        return "mx" + purpose + user;
    }

    private static String standInPassword(String user, String purpose) {
        return standInId(user, purpose) + "-secret";
    }

    private ApiClient standIn(String user, String purpose) {
        return new ApiClient(port, standInId(user, purpose), standInPassword(user, purpose));
    }

    private void createStandIn(String user, String purpose) {
        String id = standInId(user, purpose);
        ApiClient admin = as("admin");
        if (admin.get("/engine-rest/user/" + id + "/profile").status() == 200) {
            admin.send("DELETE", "/engine-rest/user/" + id, null, null);
        }
        var created = admin.post("/engine-rest/user/create", Map.of("profile", Map.of("id", id, "firstName", "Stand",
                "lastName", "In", "email", id + "@orderflow.test"), "credentials",
                Map.of("password", standInPassword(user, purpose))));
        assertThat(created.status()).as(created.text()).isEqualTo(204);
        var member = admin.send("PUT", "/engine-rest/group/" + GROUP_OF.get(user) + "/members/" + id, null, null);
        assertThat(member.status()).as(member.text()).isEqualTo(204);
    }

    // --- undoing what today's holes let the rows do, so no later test inherits it

    private void repair(EngineState before) {
        awaitQuiet();
        Set<String> running = new TreeSet<>();
        runtime.createProcessInstanceQuery().list().forEach(p -> running.add(p.getId()));
        Set<String> known = new TreeSet<>();
        before.instances().forEach(line -> known.add(line.substring(0, line.indexOf(' '))));
        for (String id : running) {
            if (!known.contains(id)) {
                runtime.deleteProcessInstanceIfExists(id, "started by an authorization matrix row", true, true, true,
                        false);
            } else if (runtime.createProcessInstanceQuery().processInstanceId(id).suspended().count() > 0
                    && before.instances().contains(id + " suspended=false")) {
                runtime.activateProcessInstanceById(id);
            }
        }
        before.memberships().forEach((user, groups) -> identity.createGroupQuery().groupMember(user).list()
                .forEach(g -> {
                    if (!groups.contains(g.getId())) {
                        identity.deleteMembership(user, g.getId());
                    }
                }));
        repository.createDeploymentQuery().list().forEach(d -> {
            if (!before.deployments().contains(d.getId()) && !PROBE_KEY.equals(d.getName())) {
                repository.deleteDeployment(d.getId(), true, true);
            }
        });
        identity.createGroupQuery().list().forEach(g -> {
            if (!before.groups().contains(g.getId())) {
                identity.deleteGroup(g.getId());
            }
        });
        Set<String> grants = new TreeSet<>();
        before.authorizations().forEach(line -> grants.add(line.substring(0, line.indexOf(' '))));
        authorizations.createAuthorizationQuery().list().forEach(a -> {
            if (!grants.contains(a.getId())) {
                authorizations.deleteAuthorization(a.getId());
            }
        });
    }

    @AfterEach
    void removeProbesAndStandIns() {
        for (String user : ENGINE_USERS) {
            for (String purpose : List.of("del", "pw")) {
                if (identity.createUserQuery().userId(standInId(user, purpose)).count() > 0) {
                    identity.deleteUser(standInId(user, purpose));
                }
            }
            if (identity.createUserQuery().userId("intruder" + user).count() > 0) {
                identity.deleteUser("intruder" + user);
            }
        }
        repository.createDeploymentQuery().deploymentName(PROBE_KEY).list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true, true));
        removeProbeGrant();
    }

    private void removeProbeGrant() {
        authorizations.createAuthorizationQuery().userIdIn("authz-matrix-nobody").list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }

    // ------------------------------------------------------------------------------------------------
    // Small helpers
    // ------------------------------------------------------------------------------------------------

    private ApiClient client(String user) {
        return ANONYMOUS.equals(user) || user.startsWith("a ") ? anonymous() : as(user);
    }

    /** The user a client signs in as, read back from its Basic credentials. */
    private String userOf(ApiClient api) {
        return clientUsers.computeIfAbsent(api, a -> {
            throw new IllegalStateException("unknown client");
        });
    }

    private final Map<ApiClient, String> clientUsers = new java.util.IdentityHashMap<>();

    @Override
    protected ApiClient as(String user) {
        ApiClient api = super.as(user);
        clientUsers.put(api, user);
        return api;
    }

    @Override
    protected ApiClient anonymous() {
        ApiClient api = super.anonymous();
        clientUsers.put(api, ANONYMOUS);
        return api;
    }

    private static String otherUser(String user) {
        return "sales1".equals(user) ? "sales2" : "sales1";
    }

    private static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    private static Response put(ApiClient api, String path, Object body) {
        try {
            return api.send("PUT", path, "application/json", body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart deployment of one small BPMN whose service task runs {@code expression}. */
    private static Response deploy(ApiClient api, String key, String expression) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="intruder" targetNamespace="http://hostile.test">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="run"/>
                    <bpmn:serviceTask id="run" camunda:expression="%s"/>
                    <bpmn:sequenceFlow id="f2" sourceRef="run" targetRef="end"/>
                    <bpmn:endEvent id="end"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, expression.replace("'", "&apos;"));
        String boundary = "authz-matrix-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"" + key + ".bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n"
                + "--" + boundary + "--\r\n";
        return api.send("POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary, body);
    }

    /** Jobs of earlier rows (emails, reports, batches) may still run; wait until the engine has nothing due. */
    private void awaitQuiet() {
        Await.until("the job executor has nothing due", Duration.ofSeconds(120),
                () -> management.createJobQuery().executable().count() == 0
                        && jdbc.queryForObject("select count(*) from act_ru_job where lock_owner_ is not null",
                                Long.class) == 0);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A fixture made on first use and shared afterwards. */
    private static final class Lazy<T> implements Supplier<T> {

        private final Supplier<T> make;
        private T value;
        private RuntimeException failure;
        private AssertionError assertionFailure;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        /** Made once: a fixture that failed fails every row that needs it, without being made again. */
        @Override
        public synchronized T get() {
            if (failure != null) {
                throw failure;
            }
            if (assertionFailure != null) {
                throw assertionFailure;
            }
            if (value == null) {
                try {
                    value = make.get();
                } catch (RuntimeException e) {
                    failure = e;
                    throw e;
                } catch (AssertionError e) {
                    assertionFailure = e;
                    throw e;
                }
            }
            return value;
        }
    }
}
