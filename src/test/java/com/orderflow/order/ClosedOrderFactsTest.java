package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The function closed_order_facts sums what an order has invoiced as {@link InvoicedBalance} defines it. */
class ClosedOrderFactsTest {

    // The migration that last (re)defines the function.
    private static final String MIGRATION = "db/migration/V12__closed_order_facts.sql";

    @Test
    void theFunctionSumsTheInvoicedBalanceAsInvoicedBalanceDefinesIt() throws IOException {
        String migration = new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8);

        assertThat(oneLine(migration)).contains(oneLine(InvoicedBalance.SQL));
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ");
    }
}
