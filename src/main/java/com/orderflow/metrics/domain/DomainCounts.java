package com.orderflow.metrics.domain;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * orderflow's own counts, read from its tables so they hold for the whole cluster and survive restarts
 * (every node reports the same totals: a dashboard takes max, not sum, across instances). One scrape reads
 * the tables once: the snapshot is kept for {@code orderflow.metrics.refresh} (default 5 seconds).
 * <p>
 * Totals that only grow come from rows that are never undone: every request row was filed once, APPLIED and
 * WITHDRAWN are final, a rejection is an approval row, a conflict an audit event, a settled settlement and a
 * sent email stay so.
 */
@Component
class DomainCounts {

    private static final String FILED = "select reason, count(*) from modification_request group by reason";
    private static final String FINAL_BY_STATUS = "select status || '/' || reason, count(*) from modification_request"
            + " where status in ('APPLIED', 'WITHDRAWN') group by status, reason";
    // One rejection ends its round, so a round with a REJECTED decision is one rejection.
    private static final String REJECTED = "select r.reason, count(distinct (a.request_id, a.round))"
            + " from modification_approval a join modification_request r on r.id = a.request_id"
            + " where a.decision = 'REJECTED' group by r.reason";
    // ModificationApplier writes "request <id> was based on version …".
    private static final String CONFLICTED = "select r.reason, count(*) from audit_event e"
            + " join modification_request r on r.id = cast(split_part(e.details, ' ', 2) as bigint)"
            + " where e.action = 'MODIFICATION_CONFLICT' and e.details like 'request %' group by r.reason";
    private static final String EMAILS = "select state, count(*) from notification group by state";
    private static final String SETTLEMENTS = "select status, count(*) from settlement group by status";
    private static final String FINDINGS = "select coalesce(sum(invoice_mismatch_count), 0),"
            + " coalesce(sum(reissue_overdue_count), 0), coalesce(sum(request_stuck_count), 0),"
            + " coalesce(sum(missing_contract_count), 0), coalesce(sum(undelivered_count), 0)"
            + " from closed_order_review";

    /** The counts of one reading, by family ("filed", "emails" …) and key (reason, state …). */
    record Snapshot(Map<String, Map<String, Long>> families, long readAtNanos) {

        long get(String family, String key) {
            return families.getOrDefault(family, Map.of()).getOrDefault(key, 0L);
        }
    }

    private final JdbcTemplate jdbc;
    private final Duration refresh;
    private volatile Snapshot last;

    DomainCounts(JdbcTemplate jdbc, @Value("${orderflow.metrics.refresh:PT5S}") Duration refresh) {
        this.jdbc = jdbc;
        this.refresh = refresh;
    }

    long get(String family, String key) {
        return snapshot().get(family, key);
    }

    synchronized Snapshot snapshot() {
        // Elapsed time, not the application's clock: tests may move that one.
        long now = System.nanoTime();
        if (last == null || now - last.readAtNanos() >= refresh.toNanos()) {
            last = read(now);
        }
        return last;
    }

    private Snapshot read(long now) {
        Map<String, Map<String, Long>> families = new HashMap<>();
        families.put("filed", grouped(FILED));
        families.put("final", grouped(FINAL_BY_STATUS));
        families.put("rejected", grouped(REJECTED));
        families.put("conflicted", grouped(CONFLICTED));
        families.put("emails", grouped(EMAILS));
        families.put("settlements", grouped(SETTLEMENTS));
        families.put("findings", findings());
        return new Snapshot(families, now);
    }

    private Map<String, Long> grouped(String sql) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, row -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        return counts;
    }

    private Map<String, Long> findings() {
        return jdbc.queryForObject(FINDINGS, (row, n) -> Map.of("INVOICE_TOTAL_MISMATCH", row.getLong(1),
                "REISSUE_OVERDUE", row.getLong(2), "REQUEST_STUCK", row.getLong(3),
                "MISSING_CONTRACT", row.getLong(4), "UNDELIVERED", row.getLong(5)));
    }
}
