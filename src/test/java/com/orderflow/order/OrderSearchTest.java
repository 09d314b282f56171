package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import com.orderflow.order.OrderSearch.Criteria;
import com.orderflow.order.OrderSearch.Result;
import com.orderflow.order.OrderSearch.Row;
import com.orderflow.shared.Actor;
import com.orderflow.support.RepositorySlice;

/**
 * The order lists' SQL on PostgreSQL: text in the number or the customer's name, keyset pages, bounded totals
 * and a rep's own orders only. Rows get ids and owners of their own, so what else the database holds does not
 * count; each test's rows are rolled back.
 */
@RepositorySlice
@Import(OrderSearch.class)
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
class OrderSearchTest {

    private static final long BASE = 970_000_000L;
    private static final Criteria ALL = new Criteria(null, null, null, null);
    private static final Actor MANAGER = new Actor("manager1", Set.of(Actor.SALES_MANAGERS));

    @Autowired
    OrderSearch search;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void textMatchesTheOrderNumberOrTheCustomersNameInAnyCase() {
        customer(1, "Qwertz Pumps");
        customer(2, "Borealis Valves");
        order(1, 1, "slice-rep-a", "OPEN");
        order(2, 2, "slice-rep-a", "OPEN");
        Actor manager = MANAGER;

        assertThat(ids(search.find(text("so-slice-" + (BASE + 1)), 0, 20, manager))).containsExactly(BASE + 1);
        assertThat(ids(search.find(text("  qwertz PUMPS "), 0, 20, manager))).containsExactly(BASE + 1);
        assertThat(ids(search.find(text("borealis"), 0, 20, manager))).containsExactly(BASE + 2);
        // LIKE's wildcards are taken as text, not as patterns
        assertThat(search.find(text("qwertz%valves"), 0, 20, manager).rows()).isEmpty();
        assertThat(search.find(text("qwertz_pumps"), 0, 20, manager).rows()).isEmpty();
    }

    @Test
    void aWholeNumberIsFoundAloneAndInsideALongerOne() {
        customer(1, "Qwertz Pumps");
        order(1, 1, "slice-rep-a", "OPEN");
        order(2, 1, "slice-rep-a", "OPEN");
        String whole = "SO-SLICE-" + (BASE + 1);
        // As long as the longest number: only the equal one contains it (the B-tree lookup).
        assertThat(ids(search.find(text(whole.toLowerCase()), 0, 20, MANAGER))).containsExactly(BASE + 1);
        assertThat(ids(search.find(text(whole), 0, 20, rep("slice-rep-a")))).containsExactly(BASE + 1);
        assertThat(search.find(text(whole), 0, 20, rep("slice-rep-b")).rows()).isEmpty();

        jdbc.update("update sales_order set order_number = ? where id = ?", "IMPORTED-" + whole + "-B", BASE + 2);
        // Now a longer number holds it too, and the search still finds both.
        assertThat(ids(search.find(text(whole), 0, 20, MANAGER))).containsExactly(BASE + 2, BASE + 1);
        assertThat(ids(search.find(text("imported-" + whole + "-b"), 0, 20, MANAGER))).containsExactly(BASE + 2);
        assertThat(search.find(text("imported-" + whole + "-bc"), 0, 20, MANAGER).rows()).isEmpty();
    }

    @Test
    void theLongestNumberIsReadFromAnIndexNotFromEveryOrder() {
        // Planner costs differ with the table's size: forbidding the scan shows whether an index can answer at all.
        jdbc.execute("set local enable_seqscan = off");
        String plan = String.join("\n", jdbc.queryForList("explain " + OrderSearch.LONGEST_NUMBER, String.class));
        assertThat(plan).contains("sales_order_number_length_idx");
    }

    @Test
    void aCustomerNameIsFoundOnEveryOrderThatCarriesIt() {
        customer(1, "Qwertz Pumps");
        order(1, 1, "slice-rep-a", "OPEN");
        order(2, 1, "slice-rep-b", "CLOSED");
        order(3, 1, "slice-rep-b", "OPEN");
        // The order's own contact changes: its new name is searchable, the old one no longer finds it.
        jdbc.update("update sales_order set customer_name = 'QWERTZ Hydraulics Ltd' where id = ?", BASE + 3);

        assertThat(ids(search.find(text("qwertz"), 0, 20, MANAGER))).containsExactly(BASE + 3, BASE + 2, BASE + 1);
        assertThat(ids(search.find(text("qwertz pumps"), 0, 20, MANAGER))).containsExactly(BASE + 2, BASE + 1);
        assertThat(ids(search.find(text("hydraulics ltd"), 0, 20, MANAGER))).containsExactly(BASE + 3);
        assertThat(ids(search.find(new Criteria(OrderStatus.OPEN, null, "qwertz", null), 0, 20, MANAGER)))
                .containsExactly(BASE + 3, BASE + 1);
        assertThat(ids(search.find(text("hydraulics"), 0, 20, rep("slice-rep-b")))).containsExactly(BASE + 3);
        assertThat(search.find(text("hydraulics"), 0, 20, rep("slice-rep-a")).rows()).isEmpty();
        // Longer than any order number: a rep's search goes by the names' index too, and stays within their own.
        String longName = "qwertz hydraulics ltd and a name longer than any order number";
        jdbc.update("update sales_order set customer_name = ? where id in (?, ?)", longName, BASE + 1, BASE + 3);
        assertThat(ids(search.find(text(longName), 0, 20, rep("slice-rep-b")))).containsExactly(BASE + 3);
        assertThat(ids(search.find(text(longName), 0, 20, rep("slice-rep-a")))).containsExactly(BASE + 1);
    }

    @Test
    void aRepSeesOnlyTheirOwnOrdersAndAManagerEveryones() {
        customer(1, "Qwertz Pumps");
        order(1, 1, "slice-rep-a", "OPEN");
        order(2, 1, "slice-rep-b", "OPEN");
        order(3, 1, "slice-rep-a", "CLOSED");

        Result own = search.find(byCustomer(1), 0, 20, rep("slice-rep-a"));
        assertThat(ids(own)).containsExactly(BASE + 3, BASE + 1);
        assertThat(own.rows()).extracting(Row::owner).containsOnly("slice-rep-a");
        assertThat(own.total()).isEqualTo(2);
        assertThat(own.totalExact()).isTrue();
        assertThat(ids(search.find(byCustomer(1), 0, 20, new Actor("finance1", Set.of(Actor.FINANCE)))))
                .containsExactly(BASE + 3, BASE + 2, BASE + 1);
        assertThat(ids(search.find(new Criteria(OrderStatus.CLOSED, null, null, null), 0, 20, rep("slice-rep-a"))))
                .containsExactly(BASE + 3);
    }

    @Test
    void aRowCarriesTheOrdersListColumns() {
        customer(1, "Qwertz Pumps");
        order(1, 1, "slice-rep-a", "OPEN");

        Row row = search.find(ALL, 0, 20, rep("slice-rep-a")).rows().get(0);
        assertThat(row).isEqualTo(new Row(BASE + 1, "SO-SLICE-" + (BASE + 1), BASE + 1, "Qwertz Pumps",
                "slice-rep-a", OrderStatus.OPEN, "EUR", new BigDecimal("100.00"), 0L, row.createdAt()));
    }

    @Test
    void keysetPagesFollowEachOtherNewestFirst() {
        customer(1, "Qwertz Pumps");
        for (int i = 1; i <= 5; i++) {
            order(i, 1, "slice-rep-a", "OPEN");
        }
        Actor rep = rep("slice-rep-a");

        Result first = search.find(ALL, 0, 2, rep);
        assertThat(ids(first)).containsExactly(BASE + 5, BASE + 4);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.totalExact()).isTrue();

        Result second = search.find(new Criteria(null, null, null, BASE + 4), 0, 2, rep);
        assertThat(ids(second)).containsExactly(BASE + 3, BASE + 2);
        assertThat(second.hasMore()).isTrue();
        // the total is of the whole list, not of what follows the key
        assertThat(second.total()).isEqualTo(5);

        Result last = search.find(new Criteria(null, null, null, BASE + 2), 0, 2, rep);
        assertThat(ids(last)).containsExactly(BASE + 1);
        assertThat(last.hasMore()).isFalse();

        // page numbers count on from the key
        assertThat(ids(search.find(new Criteria(null, null, null, BASE + 5), 2, 2, rep))).containsExactly(BASE + 2,
                BASE + 1);
    }

    @Test
    void theLastPageByOffsetGivesAnExactTotal() {
        customer(1, "Qwertz Pumps");
        for (int i = 1; i <= 3; i++) {
            order(i, 1, "slice-rep-a", "OPEN");
        }

        Result last = search.find(ALL, 2, 2, rep("slice-rep-a"));
        assertThat(ids(last)).containsExactly(BASE + 1);
        assertThat(last.total()).isEqualTo(3);
        assertThat(last.totalExact()).isTrue();
        Result beyond = search.find(ALL, 4, 2, rep("slice-rep-a"));
        assertThat(beyond.rows()).isEmpty();
        assertThat(beyond.total()).isEqualTo(3);
    }

    @Test
    void pastTheBoundTheTotalIsAnEstimateOfAtLeastTheBound() {
        customer(1, "Qwertz Pumps");
        int many = OrderSearch.EXACT_TOTAL_UP_TO + 1;
        jdbc.update("""
                insert into sales_order (id, order_number, customer_id, customer_name, customer_email, owner, status,
                    sales_stage, currency, discount_percent, total, revision, version, created_at)
                select ? + g, 'SO-SLICE-' || (? + g), ?, 'Qwertz Pumps', 'buyer@slice.test', 'slice-rep-many', 'OPEN',
                    'WON', 'EUR', 0, 100, 1, 0, now()
                from generate_series(1, ?) g""", BASE, BASE, BASE + 1, many);

        Result page = search.find(ALL, 0, 20, rep("slice-rep-many"));
        assertThat(page.rows()).hasSize(20);
        assertThat(page.hasMore()).isTrue();
        assertThat(page.totalExact()).isFalse();
        assertThat(page.total()).isGreaterThanOrEqualTo(many);

        jdbc.update("delete from sales_order where id = ?", BASE + many);
        Result exact = search.find(ALL, 0, 20, rep("slice-rep-many"));
        assertThat(exact.totalExact()).isTrue();
        assertThat(exact.total()).isEqualTo(OrderSearch.EXACT_TOTAL_UP_TO);
    }

    private void customer(int n, String name) {
        jdbc.update("insert into customer (id, name, email, version, created_by) values (?, ?, 'buyer@slice.test', 0, "
                + "'slice-rep-a')", BASE + n, name);
    }

    private void order(int n, int customer, String owner, String status) {
        jdbc.update("""
                insert into sales_order (id, order_number, customer_id, customer_name, customer_email, owner, status,
                    sales_stage, currency, discount_percent, total, revision, version, created_at)
                select ?, ?, c.id, c.name, c.email, ?, ?, 'WON', 'EUR', 0, 100, 1, 0, now()
                from customer c where c.id = ?""", BASE + n, "SO-SLICE-" + (BASE + n), owner, status, BASE + customer);
    }

    private static Criteria text(String text) {
        return new Criteria(null, null, text, null);
    }

    private static Criteria byCustomer(int n) {
        return new Criteria(null, BASE + n, null, null);
    }

    private static Actor rep(String user) {
        return new Actor(user, Set.of(Actor.SALES));
    }

    private static List<Long> ids(Result result) {
        return result.rows().stream().map(Row::id).toList();
    }
}
