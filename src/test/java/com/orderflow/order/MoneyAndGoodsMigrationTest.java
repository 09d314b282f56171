package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.orderflow.support.TestInfrastructure;

/**
 * V9 on a database that holds orders from before it: each order's one delivery carries its lines (one
 * per SKU, quantities summed), invoices take their order's currency, and the id sequence of delivery
 * lines starts above the ids the migration used. On the embedded PostgreSQL of the tests, in a schema
 * of its own.
 */
class MoneyAndGoodsMigrationTest {

    private static final String SCHEMA = "v9_migration";

    @Test
    void v9GivesEveryExistingDeliveryItsOrdersLinesOnPostgres() {
        String url = TestInfrastructure.jdbcUrl();
        url += (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        SingleConnectionDataSource db = new SingleConnectionDataSource(url, "postgres", "postgres", true);
        try {
            new JdbcTemplate(db).execute("drop schema if exists " + SCHEMA + " cascade");
            migrateAndCheck(db);
        } finally {
            new JdbcTemplate(db).execute("drop schema if exists " + SCHEMA + " cascade");
            db.destroy();
        }
    }

    private static void migrateAndCheck(DataSource db) {
        flyway(db, "8").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("insert into customer (id, name, email, version, created_by) values (1, 'Old Buyer', "
                + "'buyer@old.test', 0, 'sales1')");
        for (long order : new long[] { 10, 11 }) {
            jdbc.update("insert into sales_order (id, order_number, customer_id, customer_name, customer_email, owner, "
                    + "status, sales_stage, currency, discount_percent, total, revision, version, created_at) values "
                    + "(?, ?, 1, 'Old Buyer', 'buyer@old.test', 'sales1', 'CLOSED', 'WON', 'CNY', 0, 100, 1, 0, now())",
                    order, "SO-2026-0000" + order);
        }
        line(jdbc, 100, 10, 1, "ERP", 2);
        line(jdbc, 101, 10, 2, "ERP", 1);
        line(jdbc, 102, 10, 3, "MOBILE", 4);
        line(jdbc, 103, 11, 1, "PUMP", 1);
        jdbc.update("insert into delivery (id, order_id, scheduled_date, status, delivered_at) values "
                + "(20, 10, current_date, 'DELIVERED', now()), (21, 11, current_date, 'SCHEDULED', null)");
        jdbc.update("insert into invoice (id, order_id, number, amount, status, issued_at, status_changed_at) values "
                + "(30, 10, 'INV-SO-2026-000010-1', 100, 'ISSUED', now(), now())");

        assertThat(flyway(db, "9").migrate().migrationsExecuted).isEqualTo(1);

        List<Map<String, Object>> lines = jdbc.queryForList(
                "select delivery_id, sku, quantity from delivery_line order by delivery_id, sku");
        assertThat(lines).extracting(l -> l.get("delivery_id") + " " + l.get("sku") + " " + l.get("quantity"))
                .containsExactly("20 ERP 3", "20 MOBILE 4", "21 PUMP 1");
        assertThat(jdbc.queryForObject("select type from delivery where id = 20", String.class)).isEqualTo("DELIVERY");
        Map<String, Object> invoice = jdbc.queryForMap("select currency, credited, issued_by from invoice where id = 30");
        assertThat(invoice.get("currency")).isEqualTo("CNY");
        assertThat((java.math.BigDecimal) invoice.get("credited")).isEqualByComparingTo("0");
        assertThat(invoice.get("issued_by")).isEqualTo("unknown");
        long maxLine = jdbc.queryForObject("select max(id) from delivery_line", Long.class);
        long next = jdbc.queryForObject("select nextval('delivery_line_seq')", Long.class);
        // Hibernate's pooled ids of the next block are (next - 49 .. next): all above what V9 used.
        assertThat(next - 49).isGreaterThan(maxLine);
    }

    private static void line(JdbcTemplate jdbc, long id, long orderId, int position, String sku, int quantity) {
        jdbc.update("insert into order_line (id, order_id, position, sku, description, quantity, unit_price) values "
                + "(?, ?, ?, ?, ?, ?, 10)", id, orderId, position, sku, sku + " module", quantity);
    }

    private static Flyway flyway(DataSource db, String target) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration").target(target).load();
    }
}
