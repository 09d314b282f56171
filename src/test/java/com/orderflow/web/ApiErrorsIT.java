package com.orderflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.orderflow.support.ApiClient.Response;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

class ApiErrorsIT extends IntegrationTest {

    @Test
    void healthIsOpenAndEverythingElseNeedsALogin() {
        assertThat(anonymous().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        for (String path : List.of("/api/orders", "/api/customers/1", "/engine-rest/process-definition",
                "/engine-rest/task")) {
            Response response = anonymous().get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
        var definitions = as("admin").get("/engine-rest/process-definition");
        assertThat(definitions.status()).as(definitions.text()).isEqualTo(200);
    }

    /** An unknown user: a wrong password for a real one would lock that account for a while (Camunda). */
    @Test
    void wrongCredentialsAreRefused() {
        Response response = new com.orderflow.support.ApiClient(port, "intruder", "guess")
                .get("/api/orders");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        Response response = as("sales1").postRaw("/api/orders", "application/json", body);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badOrdersAreRefusedWithTheFieldNamed() {
        var sales1 = as("sales1");
        long customerId = Fixtures.customer(sales1, "Error Test Co");
        // The test's own customer: an exact count whatever else the database holds.
        String ordersOfTheCustomer = "/api/orders?size=1&customerId=" + customerId;
        long before = sales1.get(ordersOfTheCustomer).json().get("totalElements").asLong();

        Map<String, Object> missingCustomer = new java.util.HashMap<>(Fixtures.orderBody(customerId, 1, "10"));
        missingCustomer.remove("customerId");
        assertFieldError(sales1.post("/api/orders", missingCustomer), "customerId");

        assertFieldError(sales1.post("/api/orders", Fixtures.orderBody(customerId, -1, "10")), "lines[0].quantity");
        assertFieldError(sales1.post("/api/orders", Fixtures.orderBody(customerId, 1, "-10")), "lines[0].unitPrice");

        Map<String, Object> unknownField = new java.util.HashMap<>(Fixtures.orderBody(customerId, 1, "10"));
        unknownField.put("priority", "high");
        assertFieldError(sales1.post("/api/orders", unknownField), "priority");

        Map<String, Object> unknownCustomer = new java.util.HashMap<>(Fixtures.orderBody(customerId, 1, "10"));
        unknownCustomer.put("customerId", 987654321);
        assertFieldError(sales1.post("/api/orders", unknownCustomer), "customerId");

        Response malformed = sales1.postRaw("/api/orders", "application/json",
                "{\"customerId\": 1, \"lines\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        Response wrongType = sales1.post("/api/orders", "{\"customerId\": \"one\"}");
        assertFieldError(wrongType, "customerId");

        assertThat(sales1.get("/api/orders/12345678").status()).isEqualTo(404);
        assertThat(sales1.get("/api/orders/abc").status()).isEqualTo(400);
        assertThat(sales1.get("/api/orders?size=100000").status()).isEqualTo(400);
        assertThat(sales1.get(ordersOfTheCustomer).json().get("totalElements").asLong()).isEqualTo(before);
    }

    private static void assertFieldError(Response response, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.text()).contains(field);
    }
}
