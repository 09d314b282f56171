package com.orderflow.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.support.TestInfrastructure;

/**
 * The live order pages' tick against the Flyway schema on real PostgreSQL: one statement for all
 * watched orders (acceptance 3 of the populated benchmark), with the same state the page embeds.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestInfrastructure.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class LiveOrderEventsTest {

    private static final long BASE = 810_000_000L;
    private static final int WATCHED = 1000;

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeTheOrders() {
        jdbc.update("delete from modification_approval where request_id >= ?", BASE);
        jdbc.update("delete from modification_request where id >= ?", BASE);
        jdbc.update("delete from sales_order where id >= ?", BASE);
        jdbc.update("delete from customer where id = ?", BASE);
    }

    @Test
    void aTickWithAThousandWatchedOrdersIsOneStatement() {
        seedOrders();
        AtomicInteger statements = new AtomicInteger();
        LiveStates states = new LiveStates(new JdbcTemplate(counting(dataSource, statements)), new ObjectMapper());
        LiveOrderEvents live = new LiveOrderEvents(states, false);
        LongStream.range(1, WATCHED + 1).forEach(n -> live.watch(BASE + n));
        assertThat(live.openStreams()).isEqualTo(WATCHED);

        statements.set(0);
        live.tick();
        assertThat(statements).as("statements of one tick for %d orders", WATCHED).hasValue(1);

        jdbc.update("update sales_order set revision = 2, version = 1 where id = ?", BASE + 7);
        statements.set(0);
        live.tick();
        assertThat(statements).as("a tick after a change").hasValue(1);
    }

    @Test
    void theStateCarriesStatusRevisionAndEachRequestNewestFirst() {
        seedOrders();
        LiveStates states = new LiveStates(jdbc, new ObjectMapper());
        var read = states.read(List.of(BASE + 10, BASE + 11, BASE + 999_999));

        assertThat(read).containsOnlyKeys(BASE + 10, BASE + 11);
        assertThat(read.get(BASE + 10)).isEqualTo("{\"status\":\"CLOSED\",\"revision\":1,\"version\":0,\"requests\":["
                + "\"" + (BASE + 11) + ":IN_APPROVAL:1:0\",\"" + (BASE + 10) + ":APPLIED:1:1\"]}");
        assertThat(read.get(BASE + 11)).isEqualTo("{\"status\":\"CLOSED\",\"revision\":1,\"version\":0,\"requests\":[]}");
        assertThat(states.read(BASE + 999_999)).isEqualTo("{}");
    }

    private void seedOrders() {
        jdbc.update("insert into customer (id, name, email, version) values (?, 'Live', 'live@example.test', 0)", BASE);
        jdbc.update("""
                insert into sales_order (id, order_number, customer_id, customer_name, customer_email, owner, status,
                    sales_stage, currency, discount_percent, total, revision, version, created_at)
                select ? + n, 'LIVE-' || n, ?, 'Live', 'live@example.test', 'sales1', 'CLOSED', 'WON', 'EUR', 0, 100, 1,
                    0, current_timestamp
                from generate_series(1, ?) as n""", BASE, BASE, WATCHED);
        // Every tenth order has two requests, the older one decided once.
        jdbc.update("""
                insert into modification_request (id, order_id, requester, reason, description, base_version, status,
                    round, created_at, updated_at, version)
                select ? + n + k, ? + n, 'sales1', 'CUSTOMER_REQUIREMENT', 'Live', 0,
                    case k when 0 then 'APPLIED' else 'IN_APPROVAL' end, 1, current_timestamp, current_timestamp, 0
                from generate_series(10, ?, 10) as n, generate_series(0, 1) as k""", BASE, BASE, WATCHED);
        jdbc.update("""
                insert into modification_approval (request_id, position, round, group_id, user_id, decision, decided_at)
                select ? + n, 0, 1, 'sales-managers', 'manager1', 'APPROVED', current_timestamp
                from generate_series(10, ?, 10) as n""", BASE, WATCHED);
    }

    /** The data source whose connections count the statements they prepare or create. */
    private static DataSource counting(DataSource target, AtomicInteger statements) {
        Set<String> creating = Set.of("prepareStatement", "createStatement", "prepareCall");
        InvocationHandler connections = (proxy, method, args) -> {
            Object result = invoke(method, target, args);
            if (method.getName().equals("getConnection")) {
                Connection connection = (Connection) result;
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                        (p, m, a) -> {
                            if (creating.contains(m.getName())) {
                                statements.incrementAndGet();
                            }
                            return invoke(m, connection, a);
                        });
            }
            return result;
        };
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, connections);
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
