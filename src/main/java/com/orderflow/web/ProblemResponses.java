package com.orderflow.web;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Adds the problem+json answers of {@link ProblemDetailsAdvice} and the security filters to every
 * operation, each a shared response with an example, so a new endpoint documents its failures without
 * a line of its own. Which ones apply follows from the operation's shape: 404 where the path names a
 * resource, 409 for writes, 413/415 where there is a body, 412/428 where it takes If-Match.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String SCHEMA = "ProblemDetail";

    private enum Applies { ALWAYS, PATH_VARIABLE, WRITE, BODY, IF_MATCH }

    private record Problem(HttpStatus status, Applies applies, String description, String detail) {

        String name() {
            String[] words = status.getReasonPhrase().split("[^A-Za-z]+");
            StringBuilder name = new StringBuilder();
            for (String word : words) {
                name.append(word.substring(0, 1).toUpperCase()).append(word.substring(1).toLowerCase());
            }
            return name.toString();
        }

        ApiResponse response() {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", "about:blank");
            example.put("title", status.getReasonPhrase());
            example.put("status", status.value());
            example.put("detail", detail);
            example.put("instance", "/api/orders/42");
            if (status == HttpStatus.BAD_REQUEST) {
                example.put("errors", List.of(Map.of("field", "discountPercent", "message",
                        "must be less than or equal to 100")));
            }
            var media = new io.swagger.v3.oas.models.media.MediaType()
                    .schema(new Schema<>().$ref(SCHEMA)).example(example);
            return new ApiResponse().description(description)
                    .content(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE, media));
        }
    }

    private static final List<Problem> PROBLEMS = List.of(
            new Problem(HttpStatus.BAD_REQUEST, Applies.ALWAYS,
                    "The request is invalid: a field, a parameter or the body. Invalid fields are listed under "
                            + "`errors`; nothing was changed.",
                    "The request has invalid fields"),
            new Problem(HttpStatus.UNAUTHORIZED, Applies.ALWAYS,
                    "Not signed in: send HTTP Basic credentials of an orderflow (Camunda) account.",
                    "Sign in with HTTP Basic using your orderflow (Camunda) account"),
            new Problem(HttpStatus.FORBIDDEN, Applies.ALWAYS,
                    "Signed in, but this user's groups may not do this (or a cross-site write was refused).",
                    "You are signed in but may not do this"),
            new Problem(HttpStatus.NOT_FOUND, Applies.PATH_VARIABLE,
                    "No such resource, or one this user may not see: both answer alike, so ids give nothing away.",
                    "Order 42 does not exist"),
            new Problem(HttpStatus.CONFLICT, Applies.WRITE,
                    "The resource is not in a state that allows this (a closed order, a process already running, "
                            + "someone else's change at the same moment); nothing was changed.",
                    "Someone else changed this at the same moment; read it again and retry"),
            new Problem(HttpStatus.PRECONDITION_FAILED, Applies.IF_MATCH,
                    "`If-Match` is not the current `ETag`: someone changed it since; read it again.",
                    "If-Match \"3\" is not an ETag of this order"),
            new Problem(HttpStatus.PAYLOAD_TOO_LARGE, Applies.BODY,
                    "The body is larger than `orderflow.api.max-body-bytes` (1 MiB by default).",
                    "The request body is larger than the limit of 1048576 bytes"),
            new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Applies.BODY,
                    "The body is not `application/json`.",
                    "The API takes application/json, not text/plain"),
            new Problem(HttpStatus.PRECONDITION_REQUIRED, Applies.IF_MATCH,
                    "`If-Match` is missing: send the `ETag` you last read.",
                    "Send If-Match with the ETag you last read to change an order"),
            new Problem(HttpStatus.INTERNAL_SERVER_ERROR, Applies.ALWAYS,
                    "An unexpected failure on the server's side; it has been logged.",
                    "Something went wrong on our side; it has been logged"));

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        Set<Problem> used = new LinkedHashSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            for (Problem problem : PROBLEMS) {
                String code = String.valueOf(problem.status().value());
                if (applies(problem.applies(), path, method, operation)
                        && !operation.getResponses().containsKey(code)) {
                    operation.getResponses().addApiResponse(code,
                            new ApiResponse().$ref("#/components/responses/" + problem.name()));
                    used.add(problem);
                }
            }
        }));
        // Only the responses some operation refers to: an unused component is a lint error. The schema is
        // added here, not on the OpenAPI bean: springdoc drops schemas that no operation refers to before
        // this customizer runs.
        PROBLEMS.stream().filter(used::contains).forEach(p -> api.getComponents().addResponses(p.name(), p.response()));
        if (!used.isEmpty()) {
            api.getComponents().addSchemas(SCHEMA, problemSchema());
        }
    }

    private static boolean applies(Applies applies, String path, PathItem.HttpMethod method, Operation operation) {
        return switch (applies) {
            case ALWAYS -> true;
            case PATH_VARIABLE -> path.contains("{");
            case WRITE -> method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
            case BODY -> operation.getRequestBody() != null;
            case IF_MATCH -> operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()));
        };
    }

    /** RFC 9457 as Spring writes it; extension members ({@code errors}, {@code hint}, ...) stay open. */
    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field or parameter, e.g. `lines[0].quantity`"))
                .addProperty("message", new StringSchema().description("What is wrong with it"));
        // A plain Schema: ObjectSchema would turn the example into a string.
        return new Schema<Object>().type("object")
                .description("An RFC 9457 problem: what went wrong, for people (`detail`) and programs (`status`)")
                .addProperty("type", new StringSchema().format("uri-reference").example("about:blank")
                        .description("A URI naming the kind of problem; `about:blank` when the status says it all"))
                .addProperty("title", new StringSchema().description("The status's reason phrase"))
                .addProperty("status", new IntegerSchema().description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What went wrong here, for a person"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The path of the request that failed"))
                .addProperty("errors", new ArraySchema().items(fieldProblem)
                        .description("The invalid fields or parameters, on 400"))
                .addProperty("hint", new StringSchema()
                        .description("`modification-request` when a closed order must be changed through a request"))
                .addRequiredItem("type").addRequiredItem("title").addRequiredItem("status")
                .example(Map.of("type", "about:blank", "title", "Not Found", "status", 404,
                        "detail", "Order 42 does not exist", "instance", "/api/orders/42"));
    }
}
