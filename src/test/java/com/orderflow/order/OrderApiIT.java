package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

class OrderApiIT extends IntegrationTest {

    @Test
    void createReadListAndPatchAnOrder() {
        var sales1 = as("sales1");
        long customerId = Fixtures.customer(sales1, "Shanghai Pumps");
        assertThat(sales1.get("/api/customers/" + customerId).json().get("name").asText()).isEqualTo("Shanghai Pumps");

        JsonNode created = Fixtures.order(sales1, customerId);
        long id = created.get("id").asLong();
        assertThat(created.get("orderNumber").asText()).matches("SO-\\d{4}-\\d{6}");
        assertThat(created.get("status").asText()).isEqualTo("OPEN");
        assertThat(created.get("total").decimalValue()).isEqualByComparingTo("3000.00");

        var read = sales1.get("/api/orders/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("orderNumber").asText()).isEqualTo(created.get("orderNumber").asText());
        String etag = read.header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        var list = sales1.get("/api/orders?status=OPEN&customerId=" + customerId + "&page=0&size=5");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("content").findValuesAsText("orderNumber"))
                .containsExactly(created.get("orderNumber").asText());

        var patched = sales1.patch("/api/orders/" + id, etag, Map.of("discountPercent", 10));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(patched.json().get("total").decimalValue()).isEqualByComparingTo("2700.00");
        assertThat(patched.header("ETag")).isEqualTo("\"1\"");

        var stale = sales1.patch("/api/orders/" + id, etag, Map.of("discountPercent", 20));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(sales1.get("/api/orders/" + id).json().get("discountPercent").decimalValue())
                .isEqualByComparingTo("10");

        var unconditional = sales1.patch("/api/orders/" + id, null, Map.of("discountPercent", 20));
        assertThat(unconditional.status()).isEqualTo(428);
    }

    @Test
    void aRepSeesOnlyTheirOwnOrdersWhileManagersSeeAll() {
        long customerId = Fixtures.customer(as("sales1"), "Guangzhou Valves");
        long id = Fixtures.order(as("sales1"), customerId).get("id").asLong();

        var other = as("sales2").get("/api/orders/" + id);
        assertThat(other.status()).as("another rep's order does not exist for them").isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(as("sales2").get("/api/orders?customerId=" + customerId).json().get("totalElements").asLong())
                .isZero();
        assertThat(as("sales2").patch("/api/orders/" + id, "\"0\"", Map.of("discountPercent", 1)).status())
                .isEqualTo(404);

        assertThat(as("manager1").get("/api/orders/" + id).status()).isEqualTo(200);
        assertThat(as("finance1").get("/api/orders?customerId=" + customerId).json().get("totalElements").asLong())
                .isEqualTo(1);
        assertThat(as("finance1").patch("/api/orders/" + id, "\"0\"", Map.of("discountPercent", 1)).status())
                .isEqualTo(403);
    }

    @Test
    void deliveriesAndInvoicesBelongToTheOrder() {
        var sales1 = as("sales1");
        long id = Fixtures.order(sales1, Fixtures.customer(sales1, "Ningbo Motors")).get("id").asLong();

        var deliveries = sales1.get("/api/orders/" + id + "/deliveries").json();
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).get("scheduledDate").asText()).isEqualTo("2027-03-31");
        assertThat(deliveries.get(0).get("status").asText()).isEqualTo("SCHEDULED");

        long deliveryId = deliveries.get(0).get("id").asLong();
        var delivered = sales1.post("/api/orders/" + id + "/deliveries/" + deliveryId + "/delivered", "");
        assertThat(delivered.status()).as(delivered.text()).isEqualTo(200);
        assertThat(delivered.json().get("status").asText()).isEqualTo("DELIVERED");
        assertThat(sales1.post("/api/orders/" + id + "/deliveries/" + deliveryId + "/delivered", "").status())
                .isEqualTo(409);

        var invoice = as("finance1").post("/api/orders/" + id + "/invoices", Map.of("amount", "3000.00"));
        assertThat(invoice.status()).as(invoice.text()).isEqualTo(201);
        assertThat(invoice.json().get("status").asText()).isEqualTo("ISSUED");
        assertThat(sales1.get("/api/orders/" + id + "/invoices").json()).hasSize(1);
        assertThat(as("sales2").post("/api/orders/" + id + "/invoices", Map.of("amount", "1")).status())
                .isEqualTo(404);
    }

    @Test
    void everyWriteLeavesARevisionAndAnAuditEvent() {
        var sales1 = as("sales1");
        JsonNode order = Fixtures.order(sales1, Fixtures.customer(sales1, "Hangzhou Tools"));
        long id = order.get("id").asLong();
        sales1.patch("/api/orders/" + id, "\"0\"", Map.of("contract", Map.of("paymentTermsDays", 60,
                "deliveryDate", "2027-04-30", "warrantyMonths", 24)));

        assertThat(sales1.get("/api/orders/" + id + "/revisions").json().findValuesAsText("reason"))
                .containsExactly("CREATED", "DIRECT_EDIT");
        JsonNode diff = sales1.get("/api/orders/" + id + "/revisions/1/diff/2").json().get("changes");
        assertThat(diff.findValuesAsText("field")).contains("contract.paymentTermsDays", "contract.deliveryDate",
                "contract.warrantyMonths", "contractVersion");
        assertThat(sales1.get("/api/orders/" + id + "/revisions/1").json().get("order").get("contract")
                .get("paymentTermsDays").asInt()).isEqualTo(30);
        assertThat(sales1.get("/api/orders/" + id + "/deliveries").json().get(0).get("scheduledDate").asText())
                .isEqualTo("2027-04-30");
        assertThat(sales1.get("/api/orders/" + id + "/audit").json().findValuesAsText("action"))
                .containsExactly("ORDER_CREATED", "DELIVERIES_CHANGED", "ORDER_EDITED");
        assertThat(sales1.get("/api/orders/" + id + "/revisions/99").status()).isEqualTo(404);
    }
}
