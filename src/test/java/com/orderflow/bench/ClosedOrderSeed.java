package com.orderflow.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The review run's closed orders (ids from {@link #BASE}), inserted in the database in bulk, and removed
 * again before the populated step so that its "empty" figures are those of the runs before it.
 */
final class ClosedOrderSeed {

    static final long BASE = 900_000_000L;

    private final JdbcTemplate jdbc;

    ClosedOrderSeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void seed(long base, long orders) {
        jdbc.update("insert into customer (id, name, email, version) values (?, 'Scale customer', 'scale@example.test', 0)",
                base);
        jdbc.update("""
                insert into sales_order (id, order_number, customer_id, customer_name, customer_email, owner, status,
                    sales_stage, currency, discount_percent, total, revision, version, created_at, closed_at, closed_by)
                select ? + n, 'SCALE-' || n, ?, 'Scale customer', 'scale@example.test', 'sales1', 'CLOSED', 'WON', 'EUR',
                    0, 100.00, 1, 0, current_timestamp, current_timestamp, 'sales1'
                from generate_series(1, ?) as n""", base, base, orders);
        jdbc.update("""
                insert into contract (id, order_id, payment_terms_days, delivery_date, warranty_months, contract_version)
                select ? + n, ? + n, 30, current_date, 12, 1 from generate_series(1, ?) as n where n % 1000 <> 0""",
                base, base, orders);
        jdbc.update("""
                insert into invoice (id, order_id, number, amount, currency, issued_by, status, issued_at,
                    status_changed_at)
                select ? + n, ? + n, 'SCALE-I-' || n, case when n % 10 = 0 then 90.00 else 100.00 end, 'EUR', 'finance1',
                    'ISSUED', current_timestamp, current_timestamp from generate_series(1, ?) as n""", base, base, orders);
        jdbc.update("""
                insert into delivery (id, order_id, scheduled_date, status, delivered_at)
                select ? + n, ? + n, current_date, 'DELIVERED', current_timestamp from generate_series(1, ?) as n""",
                base, base, orders);
        jdbc.execute("analyze");
    }


    void remove() {
        jdbc.update("delete from review_finding where order_id >= ?", BASE);
        for (String table : new String[] { "invoice", "delivery_line", "delivery", "contract" }) {
            String orderColumn = table.equals("delivery_line")
                    ? "delivery_id in (select id from delivery where order_id >= ?)" : "order_id >= ?";
            jdbc.update("delete from " + table + " where " + orderColumn, BASE);
        }
        jdbc.update("delete from sales_order where id >= ?", BASE);
        jdbc.update("delete from customer where id >= ?", BASE);
        jdbc.execute("vacuum analyze");
    }
}
