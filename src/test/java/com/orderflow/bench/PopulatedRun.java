package com.orderflow.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import com.orderflow.bench.CallLatencies.Call;
import com.orderflow.bench.CallLatencies.Figures;
import com.orderflow.modification.ModificationProcess;

/**
 * The populated benchmark: the interactive calls and the modification end to end on the (almost) empty
 * database, then the same after {@link PopulatedData} and {@link HistoryReplicas} have filled it, in the
 * same JVM and run. Prints one {@code BENCH populated_<call>} line per call, one for the end-to-end rate,
 * and the database size per order.
 */
final class PopulatedRun {

    /** The orders a run of calls reads: sales1's, each with its last revision number. */
    record Targets(List<long[]> orders, long deepAfter, List<String> numbers, List<String> customerNames) {
    }

    /** How the e2e part starts work: a new closed order of sales1, a real request on it, a twin instance. */
    record Workflow(LongSupplier newClosedOrder, java.util.function.LongFunction<String> real,
            IntFunction<String> twin, AlternatingRuns runs) {
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final CallLatencies latencies;
    private final long orders;

    PopulatedRun(DataSource dataSource, CallLatencies latencies, long orders) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.latencies = latencies;
        this.orders = orders;
    }

    /**
     * Runs on its own too ({@code -Dit.test='WorkflowBench#populatedDatabaseAgainstTheEmptyOne'}): the
     * warm-up and the empty database's e2e make the modified orders the calls read and the texts and the
     * history that the load copies.
     */
    void run(Workflow workflow, int e2eN, int warmUp, int jitWarmUp) throws Exception {
        e2e(workflow, warmUp);
        AlternatingRuns.Result emptyE2e = e2e(workflow, e2eN);
        List<Call> emptyCalls = calls(emptyTargets());
        // A page's CPU falls to a third over its first ten thousand or so sendings while the JIT compiles it:
        // measured before that, the empty figures were those of the compiler.
        settle();
        latencies.warmUp(emptyCalls, jitWarmUp);
        Map<String, Figures> empty = latencies.measure(emptyCalls);
        long sizeBefore = databaseSize();

        long start = System.nanoTime();
        PopulatedData data = new PopulatedData(dataSource, orders);
        data.load(templates());
        List<String> replicas = new HistoryReplicas(jdbc).replicate(ModificationProcess.KEY,
                Math.max(1, orders * 20_000 / 1_000_000));
        data.loadRequests(replicas);
        data.analyze();
        long bytes = databaseSize() - sizeBefore;
        System.out.printf("BENCH-INFO populated %d orders, %d customers, %d modification histories in %d s%n", orders,
                data.customers(), replicas.size(), (System.nanoTime() - start) / 1_000_000_000L);

        // The same warm-up as on the empty database: the populated orders have parts (an invoice, a delivery)
        // that the empty ones lack, whose paths the JIT has not compiled yet.
        List<Call> populatedCalls = calls(populatedTargets());
        settle();
        latencies.warmUp(populatedCalls, jitWarmUp);
        Map<String, Figures> populated = latencies.measure(populatedCalls);
        AlternatingRuns.Result populatedE2e = e2e(workflow, e2eN);
        populated.forEach((call, p) -> System.out.printf(
                "BENCH populated_%s p50_ms=%.1f p99_ms=%.1f empty_p99_ms=%.1f empty_p50_ms=%.1f orders=%d n=%d%n", call,
                p.p50(), p.p99(), empty.get(call).p99(), empty.get(call).p50(), orders, p.n()));
        System.out.printf("BENCH populated_e2e per_s=%.1f empty_per_s=%.1f e2e_ratio_to_empty=%.2f ratio_to_twin=%.2f "
                + "ratio_to_twin_median=%.2f empty_ratio_to_twin=%.2f orders=%d n=%d%n", populatedE2e.realPerSecond(),
                emptyE2e.realPerSecond(), populatedE2e.realPerSecond() / emptyE2e.realPerSecond(),
                populatedE2e.ratio(), populatedE2e.medianRatio(), emptyE2e.ratio(), orders, e2eN);
        System.out.printf("BENCH populated_db_bytes_per_order=%d db_mb=%d orders=%d%n", bytes / orders,
                databaseSize() / (1 << 20), orders);
        tableSizes();
    }

    /**
     * Before a measurement: no job due (the e2e runs leave emails and reports queued), every table vacuumed
     * and analyzed as autovacuum leaves it, and the pages the load or the runs wrote flushed by a checkpoint,
     * so that neither the job executor, autovacuum nor the checkpointer takes one of the two cores for
     * seconds in the middle of it (they did: clusters of a few dozen slow calls within two seconds).
     */
    private void settle() {
        IdleEngine.await(jdbc);
        jdbc.execute("vacuum analyze");
        jdbc.execute("checkpoint");
    }

    private AlternatingRuns.Result e2e(Workflow workflow, int n) throws Exception {
        long[] fresh = new long[n];
        for (int i = 0; i < n; i++) {
            fresh[i] = workflow.newClosedOrder().getAsLong();
        }
        return workflow.runs().run(n, i -> workflow.real().apply(fresh[i]), workflow.twin());
    }

    private List<Call> calls(Targets t) {
        int size = t.orders().size();
        IntFunction<long[]> order = i -> t.orders().get(Math.floorMod(i * 7919, size));
        return List.of(
                new Call("my_orders", "sales1", i -> "/api/orders?size=20"),
                new Call("my_orders_deep", "sales1", i -> "/api/orders?size=20&after=" + t.deepAfter()),
                new Call("search_number", "manager1",
                        i -> "/api/orders?q=" + encode(t.numbers().get(i % t.numbers().size()))),
                new Call("search_customer", "manager1",
                        i -> "/api/orders?q=" + encode(t.customerNames().get(i % t.customerNames().size()))),
                new Call("order", "sales1", i -> "/api/orders/" + order.apply(i)[0]),
                new Call("order_related", "sales1", i -> "/api/orders/" + order.apply(i)[0] + "/deliveries"),
                new Call("revisions", "sales1", i -> "/api/orders/" + order.apply(i)[0] + "/revisions"),
                new Call("diff", "sales1", i -> "/api/orders/" + order.apply(i)[0] + "/revisions/"
                        + (order.apply(i)[1] - 1) + "/diff/" + order.apply(i)[1]),
                new Call("audit", "sales1", i -> "/api/orders/" + order.apply(i)[0] + "/audit"),
                new Call("portal_orders", "sales1", i -> "/", true),
                new Call("portal_search", "sales1",
                        i -> "/?q=" + encode(t.customerNames().get(i % t.customerNames().size())), true),
                new Call("portal_order", "sales1", i -> "/orders/" + order.apply(i)[0], true));
    }

    /** sales1's orders made by the runs before, the ones with a change among them. */
    private Targets emptyTargets() {
        List<long[]> changed = jdbc.query("""
                select id, revision from sales_order where owner = 'sales1' and revision >= 2 and id < ?
                order by id desc limit 500""", (rs, n) -> new long[] { rs.getLong(1), rs.getInt(2) },
                PopulatedData.BASE);
        return new Targets(changed, deepAfter(), jdbc.queryForList("""
                select order_number from sales_order where id < ? order by id desc limit 200""", String.class,
                PopulatedData.BASE), jdbc.queryForList("""
                select distinct customer_name from sales_order where id < ? limit 200""", String.class,
                PopulatedData.BASE));
    }

    private Targets populatedTargets() {
        List<long[]> own = new java.util.ArrayList<>();
        for (long n = 0; n < orders && own.size() < 500; n += PopulatedData.REPS * Math.max(1, orders / 100_000)) {
            own.add(new long[] { PopulatedData.BASE + n, 3 });
        }
        List<String> numbers = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (long k = 0; k < 200; k++) {
            numbers.add(PopulatedData.orderNumber(k * 4999 % orders));
            names.add(PopulatedData.customerName(k * 211 % Math.max(1, orders * 50_000 / 1_000_000)));
        }
        return new Targets(own, deepAfter(), numbers, names);
    }

    /** The id after which a page four fifths down sales1's list starts. */
    private long deepAfter() {
        long count = jdbc.queryForObject("select count(*) from sales_order where owner = 'sales1'", Long.class);
        return jdbc.queryForObject("select id from sales_order where owner = 'sales1' order by id desc offset ? limit 1",
                Long.class, Math.max(0, count * 4 / 5 - 1));
    }

    /** Revisions, audit events and emails of a real modified order of this run, to copy. */
    private PopulatedData.Templates templates() {
        long orderId = jdbc.queryForObject("""
                select r.order_id from modification_request r join sales_order o on o.id = r.order_id
                where r.status = 'APPLIED' and o.revision >= 2 order by r.id desc limit 1""", Long.class);
        String number = jdbc.queryForObject("select order_number from sales_order where id = ?", String.class, orderId);
        var revisions = jdbc.queryForList(
                "select snapshot, reason from order_revision where order_id = ? order by number", orderId);
        var audit = jdbc.queryForList("""
                select actor, action, details, before_state, after_state from audit_event where order_id = ?
                order by id""", orderId);
        var mails = jdbc.queryForList("""
                select recipient_user_id, recipient_email, locale, template, subject from notification
                where order_id = ? order by id""", orderId);
        // The third revision takes back the change of the second: a diff of 2 and 3 has something to show.
        Map<String, Object> third = Map.of("snapshot", revisions.get(0).get("snapshot"), "reason",
                revisions.get(1).get("reason"));
        return new PopulatedData.Templates(number, List.of(revisions.get(0), revisions.get(1), third),
                List.of(audit.get(0), audit.get(1 % audit.size()), audit.get(2 % audit.size()),
                        audit.get(3 % audit.size())),
                List.of(mails.get(0), mails.get(1 % mails.size())));
    }

    private long databaseSize() {
        jdbc.execute("checkpoint");
        return jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
    }

    private void tableSizes() {
        jdbc.query("""
                select relname, pg_total_relation_size(c.oid) as bytes from pg_class c
                join pg_namespace s on s.oid = c.relnamespace
                where s.nspname = current_schema() and c.relkind = 'r' order by 2 desc limit 15""",
                rs -> {
                    System.out.printf("BENCH-INFO table %s %d MB (%d bytes per order)%n", rs.getString(1),
                            rs.getLong(2) >> 20, rs.getLong(2) / orders);
                });
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
