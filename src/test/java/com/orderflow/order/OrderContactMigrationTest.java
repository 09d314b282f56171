package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.orderflow.support.TestInfrastructure;

/**
 * V7 on a database that holds orders from before it: every order gets the contact its customer had,
 * every customer the owner of its oldest order as its creator (none without orders). On the embedded
 * PostgreSQL of the tests, in a schema of its own.
 */
class OrderContactMigrationTest {

    private static final String SCHEMA = "v7_migration";

    @Test
    void v7CopiesTheCustomersContactIntoExistingOrdersOnPostgres() {
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
        flyway(db, "6").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        customer(jdbc, 1, "Shanghai Pumps", "Wang Fang", "buyer@pumps.test", "+86 21 5555 0100", "1 Pump Road");
        customer(jdbc, 2, "No Orders Ltd", null, "buyer@none.test", null, null);
        customer(jdbc, 3, "Tie Break Co", null, "buyer@tie.test", null, null);
        order(jdbc, 10, 1, "sales2", "2026-01-02T08:00:00Z");
        order(jdbc, 11, 1, "sales1", "2026-01-01T08:00:00Z");
        order(jdbc, 12, 3, "sales2", "2026-01-01T08:00:00Z");
        order(jdbc, 13, 3, "sales1", "2026-01-01T08:00:00Z");

        assertThat(flyway(db, "7").migrate().migrationsExecuted).isEqualTo(1);

        for (long order : new long[] { 10, 11 }) {
            assertThat(contact(jdbc, order).values()).containsExactly("Shanghai Pumps", "Wang Fang",
                    "buyer@pumps.test", "+86 21 5555 0100", "1 Pump Road");
        }
        assertThat(contact(jdbc, 12).values()).containsExactly("Tie Break Co", null, "buyer@tie.test", null, null);
        assertThat(createdBy(jdbc, 1)).as("owner of the oldest order").isEqualTo("sales1");
        assertThat(createdBy(jdbc, 2)).as("no orders: only see-all groups read it").isNull();
        assertThat(createdBy(jdbc, 3)).as("same time: the first order").isEqualTo("sales2");
    }

    private static Flyway flyway(DataSource db, String target) {
        return Flyway.configure().dataSource(db).locations("classpath:db/migration").target(target).load();
    }

    private static void customer(JdbcTemplate jdbc, long id, String name, String contactPerson, String email,
            String phone, String address) {
        jdbc.update("insert into customer (id, name, contact_person, email, phone, address, tax_id, version) "
                + "values (?, ?, ?, ?, ?, ?, null, 0)", id, name, contactPerson, email, phone, address);
    }

    private static void order(JdbcTemplate jdbc, long id, long customerId, String owner, String createdAt) {
        jdbc.update("insert into sales_order (id, order_number, customer_id, owner, status, sales_stage, currency, "
                + "discount_percent, total, revision, version, created_at) values (?, ?, ?, ?, 'CLOSED', 'WON', "
                + "'EUR', 0, 100, 1, 0, cast(? as timestamp with time zone))", id, "SO-2026-0000" + id, customerId,
                owner, createdAt.replace('T', ' ').replace("Z", "+00"));
    }

    private static Map<String, Object> contact(JdbcTemplate jdbc, long orderId) {
        return jdbc.queryForMap("select customer_name, customer_contact_person, customer_email, customer_phone, "
                + "customer_address from sales_order where id = ?", orderId);
    }

    private static String createdBy(JdbcTemplate jdbc, long customerId) {
        return jdbc.queryForObject("select created_by from customer where id = ?", String.class, customerId);
    }
}
