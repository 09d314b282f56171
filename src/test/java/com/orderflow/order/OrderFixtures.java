package com.orderflow.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.test.util.ReflectionTestUtils;

/** Orders as the database would have given them (ids and version set), for the controller slices. */
final class OrderFixtures {

    static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");

    private OrderFixtures() {
    }

    static SalesOrder order(long id, String owner, long version) {
        Customer customer = new Customer("Slice Ltd", "buyer@slice.test", "Ann Buyer", null, null, null, owner);
        ReflectionTestUtils.setField(customer, "id", 5L);
        SalesOrder order = new SalesOrder("SO-2026-" + id, customer, owner, "EUR", BigDecimal.ZERO,
                List.of(new LineItem("PUMP", "Pump", 2, new BigDecimal("100.00"))),
                new ContractTerms(30, LocalDate.of(2027, 1, 31), 12, null), CREATED);
        ReflectionTestUtils.setField(order, "id", id);
        ReflectionTestUtils.setField(order, "version", version);
        return order;
    }
}
