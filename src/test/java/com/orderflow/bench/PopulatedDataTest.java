package com.orderflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.support.TestInfrastructure;

/** The populated benchmark's COPY loader against the Flyway schema: what it loads fits and adds up. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestInfrastructure.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PopulatedDataTest {

    private static final int ORDERS = 1000;

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aThousandOrdersWithEverythingAroundThem() {
        PopulatedData data = new PopulatedData(dataSource, ORDERS);
        Map<String, Object> revision = Map.of("snapshot", "{\"orderNumber\":\"SO-T-1\",\"discountPercent\":0}",
                "reason", "CREATED");
        Map<String, Object> audit = new java.util.HashMap<>(Map.of("actor", "sales1", "action", "ORDER_CREATED"));
        audit.put("details", "SO-T-1\tcreated\nwith a tab and a newline \\ and a backslash");
        Map<String, Object> mail = Map.of("recipient_user_id", "manager1", "recipient_email", "manager1@example.test",
                "locale", "zh-CN", "template", "modification-approval-needed", "subject", "审批 SO-T-1");
        data.load(new PopulatedData.Templates("SO-T-1", List.of(revision, revision, revision),
                List.of(audit, audit, audit, audit), List.of(mail, mail)));
        data.loadRequests(List.of("pi-1", "pi-2", "pi-3"));

        assertThat(count("sales_order")).isEqualTo(ORDERS);
        assertThat(count("order_line")).isEqualTo(2 * ORDERS);
        assertThat(count("order_revision")).isEqualTo(3 * ORDERS);
        assertThat(count("audit_event")).isEqualTo(4 * ORDERS);
        assertThat(count("notification")).isEqualTo(2 * ORDERS);
        assertThat(count("modification_request")).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(distinct owner) from sales_order where id >= ?", Long.class,
                PopulatedData.BASE)).isEqualTo(PopulatedData.REPS);
        assertThat(jdbc.queryForObject("select details from audit_event where id = ?", String.class,
                PopulatedData.BASE)).isEqualTo(audit.get("details"));
        assertThat(jdbc.queryForObject("select snapshot from order_revision where id = ?", String.class,
                PopulatedData.BASE + 3)).contains(PopulatedData.orderNumber(1));
        assertThat(jdbc.queryForObject("""
                select count(*) from sales_order o where id >= ? and total <> round((select sum(quantity * unit_price)
                    from order_line l where l.order_id = o.id) * (100 - discount_percent) / 100, 2)""", Long.class,
                PopulatedData.BASE)).as("totals that do not add up").isZero();
        data.analyze();
    }

    @AfterEach
    void removeTheRows() {
        for (String table : List.of("modification_approval", "field_change", "modification_request", "delivery_line",
                "delivery", "invoice", "notification", "audit_event", "order_revision", "contract", "order_line",
                "sales_order", "customer")) {
            String id = table.equals("modification_approval") || table.equals("field_change") ? "request_id" : "id";
            jdbc.update("delete from " + table + " where " + id + " between ? and ?", PopulatedData.BASE,
                    PopulatedData.BASE + 100_000_000L);
        }
    }

    private long count(String table) {
        String id = table.equals("order_line") ? "order_id" : "id";
        return jdbc.queryForObject("select count(*) from " + table + " where " + id + " >= ?", Long.class,
                PopulatedData.BASE);
    }
}
