package com.orderflow.review;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import jakarta.persistence.EntityManager;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import com.orderflow.order.ClosedOrderFacts;

/**
 * Reads every closed order, a page at a time by id (keyset paging), from the facts its owners publish
 * ({@link ClosedOrderFacts}): one query per page, which sums invoices and counts the related records in
 * the database. Nothing but the current page, the worst cases and the counts stays in memory: findings
 * go to the CSV file as they are found, the first {@code storedFindings} also into the database, and the
 * persistence context is cleared after every page. Runs inside the caller's transaction.
 */
@Component
class ClosedOrderScanner {

    /** One page of closed orders after {@code :after}, by id: the primary key read in order. */
    static final String PAGE_SQL = ClosedOrderFacts.SELECT + " where " + ClosedOrderFacts.ORDER_ID + " > :after"
            + " order by " + ClosedOrderFacts.ORDER_ID + " limit :pageSize";

    static final String CSV_HEADER = "review_id,order_id,order_number,owner,kind,detail,severity";

    private record Row(long id, String orderNumber, String owner, String currency, BigDecimal total,
            BigDecimal invoiced, boolean settling, long reissueOverdue, Instant reissueSince, long stuck, Instant stuckSince,
            long contracts, long undelivered) {
    }

    private static final Comparator<Finding> BY_SEVERITY = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::orderId, Comparator.reverseOrder());

    private final NamedParameterJdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final ReviewProperties properties;

    ClosedOrderScanner(NamedParameterJdbcTemplate jdbc, EntityManager entityManager, ReviewProperties properties) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.properties = properties;
    }

    ScanResult scan(Long reviewId, Instant now) {
        Path csv = tempFile(reviewId);
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue(ClosedOrderFacts.AWAITING_REISSUE_BEFORE, utc(now.minus(properties.reissueOverdue())))
                .addValue(ClosedOrderFacts.IN_APPROVAL_BEFORE, utc(now.minus(properties.stuckAfter())))
                .addValue("pageSize", properties.pageSize());
        Tally tally = new Tally();
        long after = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(CSV_HEADER);
            out.write("\r\n");
            for (List<Row> page = readPage(params, after); !page.isEmpty(); page = readPage(params, after)) {
                for (Row row : page) {
                    for (Finding finding : findings(row, now)) {
                        tally.count(finding);
                        writeCsv(out, reviewId, finding);
                        if (tally.stored < properties.storedFindings()) {
                            entityManager.persist(new ReviewFinding(reviewId, finding));
                            tally.stored++;
                        }
                    }
                }
                tally.pages++;
                tally.scanned += page.size();
                after = page.get(page.size() - 1).id();
                // Keyset paging with a cleared persistence context: memory stays flat however many orders.
                entityManager.flush();
                entityManager.clear();
            }
        } catch (IOException e) {
            deleteQuietly(csv);
            throw new UncheckedIOException("The review CSV could not be written", e);
        } catch (RuntimeException e) {
            deleteQuietly(csv);
            throw e;
        }
        return new ScanResult(tally.scanned, tally.pages, tally.counts, tally.worstCases(), tally.stored, csv);
    }

    private List<Row> readPage(MapSqlParameterSource params, long after) {
        return jdbc.query(PAGE_SQL, params.addValue("after", after), (rs, n) -> new Row(
                rs.getLong(ClosedOrderFacts.ORDER_ID), rs.getString(ClosedOrderFacts.ORDER_NUMBER),
                rs.getString(ClosedOrderFacts.OWNER), rs.getString(ClosedOrderFacts.CURRENCY),
                rs.getBigDecimal(ClosedOrderFacts.TOTAL), rs.getBigDecimal(ClosedOrderFacts.INVOICED),
                rs.getLong(ClosedOrderFacts.OPEN_SETTLEMENTS) > 0,
                rs.getLong(ClosedOrderFacts.INVOICES_AWAITING_REISSUE),
                instant(rs.getObject(ClosedOrderFacts.AWAITING_REISSUE_SINCE, OffsetDateTime.class)),
                rs.getLong(ClosedOrderFacts.REQUESTS_IN_APPROVAL),
                instant(rs.getObject(ClosedOrderFacts.IN_APPROVAL_SINCE, OffsetDateTime.class)),
                rs.getLong(ClosedOrderFacts.CONTRACTS), rs.getLong(ClosedOrderFacts.SCHEDULED_DELIVERIES)));
    }

    /** Counts per kind and the worst cases of each kind, kept in bounded queues. */
    private final class Tally {

        private final Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
        private final Map<FindingKind, PriorityQueue<Finding>> worst = new EnumMap<>(FindingKind.class);
        private long scanned;
        private long pages;
        private int stored;

        Tally() {
            for (FindingKind kind : FindingKind.values()) {
                counts.put(kind, 0L);
                worst.put(kind, new PriorityQueue<>(BY_SEVERITY));
            }
        }

        void count(Finding finding) {
            counts.merge(finding.kind(), 1L, Long::sum);
            keepIfWorst(worst.get(finding.kind()), finding);
        }

        Map<FindingKind, List<Finding>> worstCases() {
            Map<FindingKind, List<Finding>> worstCases = new EnumMap<>(FindingKind.class);
            worst.forEach((kind, queue) -> {
                List<Finding> list = new ArrayList<>(queue);
                list.sort(BY_SEVERITY.reversed());
                worstCases.put(kind, List.copyOf(list));
            });
            return worstCases;
        }
    }

    private List<Finding> findings(Row row, Instant now) {
        List<Finding> found = new ArrayList<>(2);
        // While finance settles the order, the difference is their open work, not a finding.
        if (row.invoiced().compareTo(row.total()) != 0 && !row.settling()) {
            BigDecimal difference = row.total().subtract(row.invoiced()).abs();
            found.add(finding(row, FindingKind.INVOICE_TOTAL_MISMATCH, "Invoiced balance " + money(row.invoiced(), row)
                    + " of order total " + money(row.total(), row) + " (difference " + money(difference, row) + ")",
                    difference));
        }
        if (row.reissueOverdue() > 0) {
            BigDecimal days = days(row.reissueSince(), now);
            found.add(finding(row, FindingKind.REISSUE_OVERDUE, row.reissueOverdue()
                    + " invoice(s) waiting for reissue since " + row.reissueSince() + " (" + days + " days)", days));
        }
        if (row.stuck() > 0) {
            BigDecimal days = days(row.stuckSince(), now);
            found.add(finding(row, FindingKind.REQUEST_STUCK, row.stuck()
                    + " modification request(s) in approval since " + row.stuckSince() + " (" + days + " days)",
                    days));
        }
        if (row.contracts() == 0) {
            found.add(finding(row, FindingKind.MISSING_CONTRACT, "Closed without a contract", row.total()));
        }
        if (row.undelivered() > 0) {
            found.add(finding(row, FindingKind.UNDELIVERED, row.undelivered()
                    + " delivery(ies) not delivered on an order of " + money(row.total(), row), row.total()));
        }
        return found;
    }

    private static Finding finding(Row row, FindingKind kind, String detail, BigDecimal severity) {
        return new Finding(row.id(), row.orderNumber(), row.owner(), kind, detail, severity);
    }

    private void keepIfWorst(PriorityQueue<Finding> queue, Finding finding) {
        queue.add(finding);
        if (queue.size() > properties.worstCases()) {
            queue.poll();
        }
    }

    private static void writeCsv(BufferedWriter out, Long reviewId, Finding f) throws IOException {
        out.write(reviewId + "," + f.orderId() + "," + csv(f.orderNumber()) + "," + csv(f.owner()) + ","
                + f.kind().name() + "," + csv(f.detail()) + "," + f.severity().toPlainString() + "\r\n");
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is neutralised so spreadsheets do not run it as a formula. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String money(BigDecimal amount, Row row) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " " + row.currency();
    }

    private static BigDecimal days(Instant since, Instant now) {
        if (since == null) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(Duration.between(since, now).toHours()).divide(BigDecimal.valueOf(24), 1,
                RoundingMode.DOWN);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static Path tempFile(Long reviewId) {
        try {
            return Files.createTempFile("closed-order-review-" + reviewId + "-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException("No temporary file for the review CSV", e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is removed by the OS's temp cleaning
        }
    }
}
