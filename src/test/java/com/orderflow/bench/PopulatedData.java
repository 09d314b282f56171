package com.orderflow.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The populated database of the benchmark, loaded with COPY: {@code orders} orders over three years,
 * 200 reps (rep 0 is sales1, so one two-hundredth of them are sales1's own) and 50,000 customers per
 * million orders, each order with two lines, its contract, three revisions, four audit events, two sent
 * emails, and (closed ones) an invoice and a delivery. The texts (revision snapshots, audit details,
 * email subjects) are those of a real modified order of the same run, so the rows weigh what real
 * ones do. Ids start at {@link #BASE}, far above what the sequences hand out during the run.
 */
final class PopulatedData {

    static final long BASE = 500_000_000L;
    static final int REPS = 200;
    private static final String[] CITIES = { "Suzhou", "Hangzhou", "Ningbo", "Wuxi", "Shenzhen", "Xiamen", "Qingdao",
            "Dalian", "Chengdu", "Wuhan", "Lyon", "Porto", "Gdansk", "Leipzig", "Turin", "Ghent", "Malmo", "Brno",
            "Bilbao", "Tampere" };
    private static final String[] TRADES = { "Textiles", "Machinery", "Pumps", "Valves", "Plastics", "Optics",
            "Ceramics", "Logistics", "Electronics", "Bearings", "Coatings", "Packaging", "Robotics", "Filters",
            "Cables", "Fasteners", "Sensors", "Adhesives", "Castings", "Hydraulics", "Lighting", "Glass", "Motors",
            "Springs", "Tooling" };

    /** Texts of a real modified order: three revision snapshots with reasons, four audit events, two emails. */
    record Templates(String orderNumber, List<Map<String, Object>> revisions, List<Map<String, Object>> audit,
            List<Map<String, Object>> mails) {
    }

    private final JdbcTemplate jdbc;
    private final CopyRows copy;
    private final long orders;
    private final long customers;
    private final Instant now = Instant.now();
    private final Duration spacing;

    PopulatedData(DataSource dataSource, long orders) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.copy = new CopyRows(dataSource);
        this.orders = orders;
        this.customers = Math.max(1, orders * 50_000 / 1_000_000);
        this.spacing = Duration.ofDays(3 * 365).dividedBy(orders);
    }

    long customers() {
        return customers;
    }

    static String owner(long n) {
        long rep = n % REPS;
        return rep == 0 ? "sales1" : String.format("rep%03d", rep);
    }

    /**
     * The application's own format (SO-year-counter, one width for all), in the three years before the run's,
     * so that no number meets one the run makes.
     */
    static String orderNumber(long n) {
        return String.format("SO-%d-%06d", 2023 + n % 3, n / 3 + 1);
    }

    static String customerName(long c) {
        return CITIES[(int) (c % CITIES.length)] + " " + TRADES[(int) (c / CITIES.length % TRADES.length)] + " "
                + (c / (CITIES.length * TRADES.length) + 1) + " Co.";
    }

    long customerOf(long n) {
        return n * 7919 % customers;
    }

    /** Oldest first: the highest n is the newest order, as ids grow with time. */
    Timestamp createdAt(long n) {
        return Timestamp.from(now.minus(spacing.multipliedBy(orders - n)));
    }

    static String status(long n) {
        return n % 50 == 7 ? "CANCELLED" : n % 12 == 5 ? "OPEN" : "CLOSED";
    }

    static int quantity(long n, int line) {
        return (int) ((n + line) % 20) + 1;
    }

    static BigDecimal unitPrice(long n, int line) {
        return BigDecimal.valueOf(1000 + (n * 31 + line * 17) % 90_000, 2);
    }

    static BigDecimal discount(long n) {
        return BigDecimal.valueOf(n % 11).setScale(2);
    }

    static BigDecimal total(long n) {
        BigDecimal gross = unitPrice(n, 1).multiply(BigDecimal.valueOf(quantity(n, 1)))
                .add(unitPrice(n, 2).multiply(BigDecimal.valueOf(quantity(n, 2))));
        return gross.multiply(BigDecimal.valueOf(100).subtract(discount(n))).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.HALF_UP);
    }

    void load(Templates t) {
        copy.copy("customer", "id, name, contact_person, email, phone, address, tax_id, version, created_by", customers,
                (c, row) -> {
                    row.value(BASE + c).value(customerName(c)).value("Buyer " + c).value("buyer" + c + "@example.test")
                            .value("+86 512 " + (6000_0000 + c)).value(c + " Industrial Road, " + CITIES[(int) (c % 20)])
                            .value("TAX" + (10_000_000 + c)).value(0).value(owner(c)).end();
                });
        copy.copy("sales_order", """
                id, order_number, customer_id, owner, status, sales_stage, currency, discount_percent, total, revision,
                version, created_at, closed_at, closed_by, customer_name, customer_contact_person, customer_email,
                customer_phone, customer_address""", orders, (n, row) -> {
            long c = customerOf(n);
            boolean closed = status(n).equals("CLOSED");
            row.value(BASE + n).value(orderNumber(n)).value(BASE + c).value(owner(n)).value(status(n))
                    .value(status(n).equals("OPEN") ? "NEGOTIATION" : "WON").value(n % 3 == 0 ? "CNY" : "EUR")
                    .value(discount(n)).value(total(n)).value(3).value(4).value(createdAt(n))
                    .value(closed ? createdAt(n) : null).value(closed ? owner(n) : null).value(customerName(c))
                    .value("Buyer " + c).value("buyer" + c + "@example.test").value("+86 512 " + (6000_0000 + c))
                    .value(c + " Industrial Road").end();
        });
        copy.copy("order_line", "id, order_id, position, sku, description, quantity, unit_price", orders * 2,
                (i, row) -> {
                    long n = i / 2;
                    int line = (int) (i % 2) + 1;
                    row.value(BASE + i).value(BASE + n).value(line).value(sku(n, line))
                            .value("Centrifugal pump, model " + sku(n, line)).value(quantity(n, line))
                            .value(unitPrice(n, line)).end();
                });
        copy.copy("contract", """
                id, order_id, payment_terms_days, delivery_date, warranty_months, clauses, contract_version""", orders,
                (n, row) -> row.value(BASE + n).value(BASE + n).value(n % 2 == 0 ? 30 : 60)
                        .value(LocalDate.ofInstant(createdAt(n).toInstant(), ZoneOffset.UTC).plusDays(45))
                        .value(12 + 12 * (n % 2)).value(n % 4 == 0 ? "Delivery at the buyer's warehouse." : null)
                        .value(1).end());
        loadRecords(t);
        loadBilling();
    }

    private void loadRecords(Templates t) {
        copy.copy("order_revision", "id, order_id, number, snapshot, created_by, created_at, reason, request_id",
                orders * 3, (i, row) -> {
                    long n = i / 3;
                    Map<String, Object> r = t.revisions().get((int) (i % 3));
                    row.value(BASE + i).value(BASE + n).value(i % 3 + 1)
                            .value(((String) r.get("snapshot")).replace(t.orderNumber(), orderNumber(n)))
                            .value(owner(n)).value(createdAt(n)).value(r.get("reason")).value(null).end();
                });
        copy.copy("audit_event", "id, order_id, actor, action, details, before_state, after_state, occurred_at",
                orders * 4, (i, row) -> {
                    long n = i / 4;
                    Map<String, Object> a = t.audit().get((int) (i % 4));
                    row.value(BASE + i).value(BASE + n).value(a.get("actor")).value(a.get("action"))
                            .value(a.get("details")).value(a.get("before_state")).value(a.get("after_state"))
                            .value(createdAt(n)).end();
                });
        copy.copy("notification", """
                id, event_key, order_id, recipient_user_id, recipient_email, locale, template, subject, state, attempts,
                message_id, created_at, sent_at""", orders * 2, (i, row) -> {
            long n = i / 2;
            Map<String, Object> m = t.mails().get((int) (i % 2));
            row.value(BASE + i).value("populated:" + n + ":" + i % 2).value(BASE + n).value(m.get("recipient_user_id"))
                    .value(m.get("recipient_email")).value(m.get("locale")).value(m.get("template"))
                    .value(((String) m.get("subject")).replace(t.orderNumber(), orderNumber(n))).value("SENT").value(1)
                    .value("<populated." + i + "@orderflow.local>").value(createdAt(n)).value(createdAt(n)).end();
        });
    }

    private void loadBilling() {
        copy.copy("invoice", """
                id, order_id, number, amount, currency, credited, status, issued_by, issued_at, status_changed_at,
                version""", orders, (n, row) -> {
            if (status(n).equals("CLOSED")) {
                row.value(BASE + n).value(BASE + n).value("INV-P" + String.format("%08d", n)).value(total(n))
                        .value(n % 3 == 0 ? "CNY" : "EUR").value(BigDecimal.ZERO).value("ISSUED").value("finance1")
                        .value(createdAt(n)).value(createdAt(n)).value(0).end();
            }
        });
        copy.copy("delivery", "id, order_id, scheduled_date, status, delivered_at, type, version", orders,
                (n, row) -> {
                    boolean closed = status(n).equals("CLOSED");
                    row.value(BASE + n).value(BASE + n)
                            .value(LocalDate.ofInstant(createdAt(n).toInstant(), ZoneOffset.UTC).plusDays(45))
                            .value(closed ? "DELIVERED" : "SCHEDULED").value(closed ? createdAt(n) : null)
                            .value("DELIVERY").value(0).end();
                });
        copy.copy("delivery_line", "id, delivery_id, sku, quantity", orders * 2, (i, row) -> {
            long n = i / 2;
            int line = (int) (i % 2) + 1;
            row.value(BASE + i).value(BASE + n).value(sku(n, line)).value(quantity(n, line)).end();
        });
    }

    /** Finished modification requests of the given orders, each linked to one replicated history instance. */
    void loadRequests(List<String> processInstanceIds) {
        long every = Math.max(1, orders / Math.max(1, processInstanceIds.size()));
        copy.copy("modification_request", """
                id, order_id, requester, reason, description, base_version, status, required_approvals,
                process_instance_id, applied_revision, round, created_at, updated_at, version""",
                processInstanceIds.size(), (i, row) -> {
                    long n = Math.min(orders - 1, i * every);
                    row.value(BASE + i).value(BASE + n).value(owner(n)).value("CUSTOMER_REQUIREMENT")
                            .value("Discount agreed with the buyer").value(3).value("APPLIED").value("sales-managers")
                            .value(processInstanceIds.get((int) i)).value(3).value(1).value(createdAt(n))
                            .value(createdAt(n)).value(2).end();
                });
        copy.copy("field_change", "request_id, position, field, old_value, new_value", processInstanceIds.size(),
                (i, row) -> row.value(BASE + i).value(0).value("discountPercent").value("0.00").value("5.00").end());
        copy.copy("modification_approval", """
                request_id, position, round, group_id, user_id, decision, comment, decided_at""",
                processInstanceIds.size(), (i, row) -> row.value(BASE + i).value(0).value(1).value("sales-managers")
                        .value("manager1").value("APPROVED").value(null).value(createdAt(i)).end());
    }

    private static String sku(long n, int line) {
        return "PUMP-" + (n * 2 + line) % 500 + "-" + line;
    }

    /** Planner statistics and visibility maps after the load, as autovacuum would leave them. */
    void analyze() {
        for (String table : List.of("customer", "sales_order", "order_customer_name", "order_line", "contract",
                "order_revision", "audit_event", "notification", "invoice", "delivery", "delivery_line",
                "modification_request", "field_change", "modification_approval", "act_hi_procinst",
                "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_identitylink", "act_hi_decinst",
                "act_hi_dec_in", "act_hi_dec_out", "act_hi_op_log", "act_ge_bytearray")) {
            // The engine's tables exist where the engine ran (not in a plain JDBC test).
            if (jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, table)) {
                jdbc.execute("vacuum analyze " + table);
            }
        }
    }
}
