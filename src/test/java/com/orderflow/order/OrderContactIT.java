package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/**
 * Two reps' orders of one customer: a {@code customer.email} change applied on sales1's order changes
 * that order's copy of the contact only. sales2's closed order, the customer row and everything shown
 * of them keep the old email, and sales2's order gets no revision or audit event it did not ask for.
 */
class OrderContactIT extends IntegrationTest {

    private static final String OLD_EMAIL = "buyer@sharedbuyerco.test";
    private static final String NEW_EMAIL = "purchasing@sharedbuyerco.test";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aContactChangeOnOneOrderLeavesAnotherRepsClosedOrderOfTheSameCustomerAlone() {
        ApiClient sales1 = as("sales1");
        ApiClient sales2 = as("sales2");
        long customerId = Fixtures.customer(sales1, "Shared Buyer Co");
        long ownOrder = Fixtures.order(sales1, customerId).get("id").asLong();
        long otherOrder = sharedWithSales2(sales1, customerId);
        close(sales2, otherOrder);
        int otherRevisions = count(sales2, "/api/orders/" + otherOrder + "/revisions");
        int otherAudit = count(sales2, "/api/orders/" + otherOrder + "/audit");
        int ownRevision = sales1.get("/api/orders/" + ownOrder).json().get("revision").asInt();

        var filed = sales1.post("/api/orders/" + ownOrder + "/modification-requests", Map.of(
                "reason", "CUSTOMER_REQUIREMENT", "description", "The buyer has a new purchasing address",
                "changes", Map.of("customer.email", NEW_EMAIL)));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String request = "/api/modification-requests/" + filed.json().get("id").asLong();
        Await.until("the email change is applied", () -> "APPLIED".equals(sales1.get(request).json()
                .path("status").asText()));

        JsonNode own = sales1.get("/api/orders/" + ownOrder).json();
        assertThat(own.get("customer").get("email").asText()).isEqualTo(NEW_EMAIL);
        assertThat(own.get("revision").asInt()).isEqualTo(ownRevision + 1);
        JsonNode diff = sales1.get("/api/orders/" + ownOrder + "/revisions/" + ownRevision + "/diff/"
                + (ownRevision + 1)).json().get("changes");
        JsonNode email = diff.get(diff.findValuesAsText("field").indexOf("customer.email"));
        assertThat(email.get("before").asText()).isEqualTo(OLD_EMAIL);
        assertThat(email.get("after").asText()).isEqualTo(NEW_EMAIL);

        JsonNode other = sales2.get("/api/orders/" + otherOrder).json();
        assertThat(other.get("status").asText()).isEqualTo("CLOSED");
        assertThat(other.get("customer").get("email").asText()).isEqualTo(OLD_EMAIL);
        assertThat(count(sales2, "/api/orders/" + otherOrder + "/revisions")).isEqualTo(otherRevisions);
        assertThat(count(sales2, "/api/orders/" + otherOrder + "/audit")).isEqualTo(otherAudit);
        assertThat(sales2.get("/api/orders/" + otherOrder + "/revisions/" + otherRevisions).json()
                .get("order").get("customer").get("email").asText()).isEqualTo(OLD_EMAIL);
        String page = sales2.get("/orders/" + otherOrder).text();
        assertThat(page).contains("id=\"customer-email\">" + OLD_EMAIL + "<").doesNotContain(NEW_EMAIL);

        assertThat(as("manager1").get("/api/customers/" + customerId).json().get("email").asText())
                .isEqualTo(OLD_EMAIL);
    }

    /**
     * An order of sales1's customer that sales2 owns. The API no longer lets sales2 create it (a rep uses
     * only customers they created or have an order of, and an order's owner is who created it), so it is
     * made the way such orders came about before that rule: created on the customer, then owned by sales2.
     */
    private long sharedWithSales2(ApiClient sales1, long customerId) {
        long orderId = Fixtures.order(sales1, customerId).get("id").asLong();
        jdbc.update("update sales_order set owner = 'sales2' where id = ?", orderId);
        return orderId;
    }

    private void close(ApiClient owner, long orderId) {
        String path = "/api/orders/" + orderId;
        long deliveryId = owner.get(path + "/deliveries").json().get(0).get("id").asLong();
        assertThat(owner.post(path + "/deliveries/" + deliveryId + "/delivered", "").status()).isEqualTo(200);
        var invoice = as("finance1").post(path + "/invoices", Map.of("amount", "3000.00"));
        assertThat(invoice.status()).as(invoice.text()).isEqualTo(201);
        var close = owner.post(path + "/close", "");
        assertThat(close.status()).as(close.text()).isEqualTo(202);
        String instance = "/engine-rest/history/process-instance/" + close.json().get("processInstanceId").asText();
        Await.until("the closing process completed", () -> "COMPLETED".equals(as("admin").get(instance).json()
                .path("state").asText()));
        assertThat(owner.get(path).json().get("status").asText()).isEqualTo("CLOSED");
    }

    private static int count(ApiClient user, String path) {
        var response = user.get(path);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().size();
    }
}
