package com.orderflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.IntegrationTest;

/**
 * The contract at /v3/api-docs is one a client can be generated from and that Spectral's {@code spectral:oas}
 * rules pass: the rules that matter are asserted here without a network; the document is written to
 * {@code target/openapi.json} so that {@code spectral lint} can be run on it (see README, "The API contract").
 */
class ApiContractIT extends IntegrationTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void theContractNamesItselfAndHowToSignIn() {
        JsonNode api = contract();
        assertThat(api.at("/info/title").asText()).isEqualTo("orderflow API");
        assertThat(api.at("/info/version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(api.at("/info/description").asText()).contains("HTTP Basic", "problem+json");
        assertThat(api.at("/info/contact/name").asText()).isNotBlank();
        assertThat(api.get("servers")).isNotEmpty();
        api.get("servers").forEach(s -> assertThat(s.get("url").asText()).isNotBlank().doesNotEndWith("/"));
        assertThat(api.at("/components/securitySchemes/basicAuth/type").asText()).isEqualTo("http");
        assertThat(api.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(api.at("/security/0").has("basicAuth")).isTrue();
    }

    @Test
    void everyOperationIsDescribedTaggedAndNamedOnce() {
        JsonNode api = contract();
        Map<String, String> tags = new java.util.HashMap<>();
        api.get("tags").forEach(t -> tags.put(t.get("name").asText(), t.path("description").asText()));
        Set<String> ids = new HashSet<>();
        Set<String> used = new HashSet<>();
        List<String> failures = new ArrayList<>();
        int[] count = { 0 };
        operations(api, (where, op) -> {
            count[0]++;
            check(failures, where, "a summary", !op.path("summary").asText().isBlank());
            check(failures, where, "a description", !op.path("description").asText().isBlank());
            String id = op.path("operationId").asText();
            check(failures, where, "an operationId of letters and digits", id.matches("[A-Za-z][A-Za-z0-9]*"));
            check(failures, where, "an operationId of its own (" + id + ")", ids.add(id));
            check(failures, where, "a tag", op.path("tags").size() == 1);
            op.path("tags").forEach(t -> {
                used.add(t.asText());
                check(failures, where, "tag " + t + " defined with a description",
                        !tags.getOrDefault(t.asText(), "").isBlank());
            });
            op.path("parameters").forEach(p -> check(failures, where, "no parameter the server fills in",
                    !"actor".equals(p.path("name").asText())));
        });
        assertThat(failures).isEmpty();
        assertThat(count[0]).as("operations under /api").isGreaterThanOrEqualTo(39);
        assertThat(used).as("every global tag is used").containsExactlyInAnyOrderElementsOf(tags.keySet());
    }

    @Test
    void everyOperationDocumentsItsProblemsAsProblemJson() {
        JsonNode api = contract();
        List<String> failures = new ArrayList<>();
        operations(api, (where, op) -> {
            List<String> expected = new ArrayList<>(List.of("400", "401", "403", "500"));
            if (where.contains("{")) {
                expected.add("404");
            }
            if (!where.startsWith("GET ")) {
                expected.add("409");
            }
            expected.forEach(code -> check(failures, where, "a " + code + " response", op.at("/responses").has(code)));
            check(failures, where, "a 2xx response", op.get("responses").properties().stream()
                    .anyMatch(e -> e.getKey().startsWith("2")));
            op.get("responses").properties().stream().filter(e -> e.getKey().matches("[45]\\d\\d"))
                    .forEach(e -> checkProblem(failures, where + " " + e.getKey(), resolve(api, e.getValue()),
                            Integer.parseInt(e.getKey())));
        });
        assertThat(failures).isEmpty();
        JsonNode patch = api.at("/paths/~1api~1orders~1{id}/patch/responses");
        assertThat(patch.has("412")).as("a stale If-Match").isTrue();
        assertThat(patch.has("428")).as("no If-Match").isTrue();
        assertThat(api.at("/paths/~1api~1orders/post/responses").has("413")).as("a body too large").isTrue();
    }

    @Test
    void theProblemSchemaDescribesWhatTheApiAnswers() {
        JsonNode schema = contract().at("/components/schemas/ProblemDetail");
        Set<String> properties = names(schema.get("properties"));
        assertThat(schema.get("example").isObject()).as("the schema's example is an object").isTrue();
        assertThat(properties).containsAll(names(schema.get("example")));
        ApiClient sales1 = as("sales1");
        ApiClient.Response notFound = sales1.get("/api/orders/987654321");
        ApiClient.Response invalid = sales1.post("/api/orders", Map.of("lines", List.of()));
        for (ApiClient.Response response : List.of(notFound, invalid, anonymous().get("/api/orders"))) {
            assertThat(response.contentType()).startsWith(PROBLEM_JSON);
            assertThat(properties).as(response.text()).containsAll(names(response.json()));
            schema.get("required").forEach(r -> assertThat(response.json().has(r.asText())).isTrue());
        }
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(names(schema.at("/properties/errors/items/properties")))
                .containsAll(names(invalid.json().at("/errors/0")));
    }

    @Test
    void createdAndAcceptedAnswersSayWhatTheyAnswer() {
        JsonNode api = contract();
        JsonNode created = api.at("/paths/~1api~1orders/post/responses");
        assertThat(names(created)).doesNotContain("200");
        assertThat(created.at("/201/content/application~1json/schema/$ref").asText()).endsWith("/OrderView");
        assertThat(api.at("/paths/~1api~1orders~1{orderId}~1close/post/responses/202/content").isMissingNode()).isFalse();
        assertThat(api.at("/paths/~1api~1reports~1{id}/get/responses/200/content").has("application/pdf")).isTrue();
        assertThat(api.at("/paths/~1api~1orders~1{id}/get/responses/200/content").has("application/json")).isTrue();
    }

    @Test
    void everyComponentIsUsed() {
        JsonNode api = contract();
        Set<String> refs = new HashSet<>(api.findValuesAsText("$ref"));
        for (String kind : List.of("schemas", "responses")) {
            names(api.at("/components/" + kind)).forEach(name -> assertThat(refs)
                    .as("unused component " + kind + "/" + name).contains("#/components/" + kind + "/" + name));
        }
    }

    private JsonNode contract() {
        ApiClient.Response response = as("sales1").get("/v3/api-docs");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        try {
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "openapi.json"), response.bytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return response.json();
    }

    private static void operations(JsonNode api, BiConsumer<String, JsonNode> each) {
        api.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> METHODS.contains(op.getKey()))
                .forEach(op -> each.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue())));
    }

    private static JsonNode resolve(JsonNode api, JsonNode node) {
        String ref = node.path("$ref").asText();
        return ref.isEmpty() ? node : api.at(ref.substring(1));
    }

    private static void checkProblem(List<String> failures, String where, JsonNode response, int status) {
        JsonNode media = response.at("/content").path(PROBLEM_JSON);
        check(failures, where, "a description", !response.path("description").asText().isBlank());
        check(failures, where, PROBLEM_JSON + " of ProblemDetail",
                media.at("/schema/$ref").asText().equals("#/components/schemas/ProblemDetail"));
        check(failures, where, "an example of its status", media.at("/example/status").asInt() == status);
    }

    private static void check(List<String> failures, String where, String what, boolean ok) {
        if (!ok) {
            failures.add(where + " lacks " + what);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
