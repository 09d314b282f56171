package com.orderflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.orderflow.order.ClosedOrderFacts;
import com.orderflow.support.TestInfrastructure;

/**
 * The scanner's page query on the embedded PostgreSQL of the tests, in a schema of its own: PostgreSQL
 * inlines closed_order_facts into it. A Function Scan instead would compute the facts of every closed
 * order for each page (a million orders, two thousand pages), where the inlined query reads one page
 * of the primary key.
 */
class ClosedOrderScannerQueryTest {

    private static final String SCHEMA = "closed_order_facts_plan";

    @Test
    void thePageQueryReadsTheOrdersThroughTheInlinedFunction() {
        String url = TestInfrastructure.jdbcUrl();
        // public too: V11's pg_trgm may already be installed there.
        url += (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA + ",public";
        SingleConnectionDataSource db = new SingleConnectionDataSource(url, "postgres", "postgres", true);
        JdbcTemplate jdbc = new JdbcTemplate(db);
        try {
            jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
            jdbc.execute("create schema " + SCHEMA);
            Flyway.configure().dataSource(db).schemas(SCHEMA).locations("classpath:db/migration").load().migrate();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            MapSqlParameterSource params = new MapSqlParameterSource()
                    .addValue(ClosedOrderFacts.AWAITING_REISSUE_BEFORE, now.minusDays(7))
                    .addValue(ClosedOrderFacts.IN_APPROVAL_BEFORE, now.minusDays(3))
                    .addValue("after", 0L).addValue("pageSize", 500);

            String plan = String.join("\n", new NamedParameterJdbcTemplate(db)
                    .queryForList("explain " + ClosedOrderScanner.PAGE_SQL, params, String.class));

            assertThat(plan).as(plan).doesNotContain("Function Scan").contains("on sales_order o", "Limit");
        } finally {
            jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
            db.destroy();
        }
    }
}
