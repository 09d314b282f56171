package com.orderflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

class ProblemResponsesTest {

    @Test
    void aReadOfACollectionGetsTheProblemsEveryOperationHas() {
        Operation list = operation();
        customise(new PathItem().get(list), "/api/orders");
        assertThat(list.getResponses()).containsOnlyKeys("200", "400", "401", "403", "500");
        assertThat(list.getResponses().get("400").get$ref()).isEqualTo("#/components/responses/BadRequest");
    }

    @Test
    void aConditionalWriteOfOneResourceGetsEveryProblemItCanMeet() {
        Operation patch = operation().requestBody(new RequestBody())
                .addParametersItem(new HeaderParameter().name("If-Match"));
        OpenAPI api = customise(new PathItem().patch(patch), "/api/orders/{id}");
        assertThat(patch.getResponses()).containsOnlyKeys("200", "400", "401", "403", "404", "409", "412", "413",
                "415", "428", "500");
        ApiResponse stale = api.getComponents().getResponses().get("PreconditionFailed");
        assertThat(stale.getContent()).containsOnlyKeys("application/problem+json");
        assertThat(stale.getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/ProblemDetail");
        assertThat(api.getComponents().getSchemas()).containsKey("ProblemDetail");
    }

    @Test
    void aResponseTheOperationDocumentsItselfIsKept() {
        ApiResponse own = new ApiResponse().description("Files that do not parse");
        Operation deploy = operation();
        deploy.getResponses().addApiResponse("400", own);
        customise(new PathItem().post(deploy), "/api/admin/processes/deploy");
        assertThat(deploy.getResponses().get("400")).isSameAs(own);
        assertThat(deploy.getResponses()).containsKey("409");
    }

    @Test
    void onlyTheResponsesSomeOperationUsesAreComponents() {
        OpenAPI api = customise(new PathItem().get(operation()), "/api/reviews");
        assertThat(api.getComponents().getResponses()).containsOnlyKeys("BadRequest", "Unauthorized", "Forbidden",
                "InternalServerError");
    }

    private static Operation operation() {
        return new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("ok")));
    }

    private static OpenAPI customise(PathItem item, String path) {
        OpenAPI api = new OpenAPI().components(new Components()).paths(new Paths().addPathItem(path, item));
        new ProblemResponses().customise(api);
        return api;
    }
}
