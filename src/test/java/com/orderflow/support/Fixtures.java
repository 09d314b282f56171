package com.orderflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Creates customers and orders over the API, the way a client would. */
public final class Fixtures {

    private Fixtures() {
    }

    public static long customer(ApiClient api, String name) {
        var response = api.post("/api/customers", Map.of("name", name, "email", "buyer@" + name.toLowerCase()
                .replaceAll("[^a-z]", "") + ".test", "contactPerson", "Wang Fang", "phone", "+86 21 5555 0100"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    public static Map<String, Object> orderBody(long customerId, int quantity, String unitPrice) {
        return Map.of("customerId", customerId, "currency", "EUR",
                "lines", List.of(Map.of("sku", "PUMP-7", "description", "Industrial pump", "quantity", quantity,
                        "unitPrice", unitPrice)),
                "contract", Map.of("paymentTermsDays", 30, "deliveryDate", "2027-03-31", "warrantyMonths", 12,
                        "clauses", "Standard terms"));
    }

    public static JsonNode order(ApiClient api, long customerId) {
        var response = api.post("/api/orders", orderBody(customerId, 2, "1500.00"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json();
    }
}
