package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.orderflow.support.ApiClient;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/**
 * Who sees a customer: the rep who created it, the reps who own one of its orders, and those who see
 * every order. Everyone else gets what an unknown id gets, on reading it and on ordering for it.
 */
class CustomerVisibilityIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRepSeesAndUsesOnlyTheCustomersTheyCreatedWhileSeeAllGroupsSeeEvery() {
        long customerId = Fixtures.customer(as("sales1"), "Visible To Sales1 Co");
        String path = "/api/customers/" + customerId;

        assertThat(as("sales1").get(path).status()).isEqualTo(200);
        for (String user : List.of("manager1", "finance1", "legal1", "admin")) {
            var read = as(user).get(path);
            assertThat(read.status()).as(user).isEqualTo(200);
            assertThat(read.json().get("name").asText()).isEqualTo("Visible To Sales1 Co");
        }
        for (String user : List.of("sales2", "delivery1")) {
            assertAnsweredAsUnknown(as(user).get(path), as(user).get("/api/customers/999999999"), user);
        }
        assertThat(anonymous().get(path).status()).isEqualTo(401);

        var refused = as("sales2").post("/api/orders", Fixtures.orderBody(customerId, 1, "10.00"));
        var unknown = as("sales2").post("/api/orders", Fixtures.orderBody(999_999_999L, 1, "10.00"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("customerId");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from sales_order where customer_id = ?", Long.class,
                customerId)).isZero();
        assertThat(as("sales1").post("/api/orders", Fixtures.orderBody(customerId, 1, "10.00")).status())
                .isEqualTo(201);
    }

    /** An order a rep owns of someone else's customer (from before the rule; made so in SQL) shows it. */
    @Test
    void aRepWhoOwnsAnOrderOfTheCustomerSeesAndUsesIt() {
        long customerId = Fixtures.customer(as("manager1"), "Manager Created Co");
        long orderId = Fixtures.order(as("manager1"), customerId).get("id").asLong();
        assertThat(as("sales2").get("/api/customers/" + customerId).status()).isEqualTo(404);

        jdbc.update("update sales_order set owner = 'sales2' where id = ?", orderId);
        assertThat(as("sales2").get("/api/customers/" + customerId).status()).isEqualTo(200);
        assertThat(as("sales2").post("/api/orders", Fixtures.orderBody(customerId, 1, "10.00")).status())
                .isEqualTo(201);
        assertThat(as("sales1").get("/api/customers/" + customerId).status()).isEqualTo(404);
    }

    /** A customer from before creators were recorded, without orders: only the see-all groups read it. */
    @Test
    void aCustomerWithoutCreatorOrOrdersIsSeenOnlyByThoseWhoSeeAll() {
        long customerId = Fixtures.customer(as("sales1"), "Legacy Customer Co");
        jdbc.update("update customer set created_by = null where id = ?", customerId);

        assertThat(as("sales1").get("/api/customers/" + customerId).status()).isEqualTo(404);
        assertThat(as("manager1").get("/api/customers/" + customerId).status()).isEqualTo(200);
    }

    private static void assertAnsweredAsUnknown(ApiClient.Response response, ApiClient.Response unknown,
            String user) {
        assertThat(response.status()).as(user).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asText().replaceAll("\\d+", "N"))
                .isEqualTo(unknown.json().get("detail").asText().replaceAll("\\d+", "N"));
    }
}
