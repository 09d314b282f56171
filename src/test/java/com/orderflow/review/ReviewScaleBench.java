package com.orderflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.Await;
import com.orderflow.support.IntegrationTest;

/**
 * Opt-in scale run of the review: {@code -Dorderflow.review.scale-orders=1000000} seeds that many closed
 * orders straight in SQL (every 10th under-invoiced, every 1000th without a contract), runs a review over
 * the API and prints the peak heap. Run it with {@code -DargLine=-Xmx512m} to prove the memory bound.
 * The seeded rows are removed afterwards.
 */
@EnabledIfSystemProperty(named = "orderflow.review.scale-orders", matches = "\\d+")
class ReviewScaleBench extends IntegrationTest {

    private static final long BASE = 900_000_000L;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReviewOverManyClosedOrdersFinishesInBoundedMemory() {
        long orders = Long.parseLong(System.getProperty("orderflow.review.scale-orders"));
        long seedStart = System.nanoTime();
        seed(orders);
        System.out.printf("SCALE seeded %d closed orders in %d s%n", orders,
                Duration.ofNanos(System.nanoTime() - seedStart).toSeconds());
        try {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            var started = as("admin").post("/api/admin/reviews", "");
            assertThat(started.status()).as(started.text()).isEqualTo(202);
            long reviewId = started.json().get("reviewId").asLong();
            Await.until("the scale review is scanned", Duration.ofMinutes(30), () -> !"RUNNING".equals(
                    as("admin").get("/api/reviews/" + reviewId).json().at("/review/status").asText()));
            JsonNode review = as("admin").get("/api/reviews/" + reviewId).json().get("review");
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("SCALE review %d: %d orders scanned, %d findings in %d s; max heap %d MiB, "
                    + "peak heap used (sum of pool peaks) %d MiB%n", reviewId, review.get("ordersScanned").asLong(),
                    review.get("findingCount").asLong(), Duration.ofNanos(System.nanoTime() - start).toSeconds(),
                    Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
            assertThat(review.get("ordersScanned").asLong()).isGreaterThanOrEqualTo(orders);
            assertThat(review.at("/countsPerKind/INVOICE_TOTAL_MISMATCH").asLong()).isGreaterThanOrEqualTo(orders / 10);
            assertThat(review.at("/countsPerKind/MISSING_CONTRACT").asLong()).isGreaterThanOrEqualTo(orders / 1000);
        } finally {
            clean();
        }
    }

    private void seed(long orders) {
        jdbc.update("insert into customer (id, name, email, version) values (?, 'Scale customer', 'scale@example.test', 0)",
                BASE);
        jdbc.update("""
                insert into sales_order (id, order_number, customer_id, owner, status, sales_stage, currency,
                    discount_percent, total, revision, version, created_at, closed_at, closed_by)
                select ? + n, 'SCALE-' || n, ?, 'sales1', 'CLOSED', 'WON', 'EUR', 0, 100.00, 1, 0,
                    current_timestamp, current_timestamp, 'sales1'
                from generate_series(1, ?) as n""", BASE, BASE, orders);
        jdbc.update("""
                insert into contract (id, order_id, payment_terms_days, delivery_date, warranty_months, contract_version)
                select ? + n, ? + n, 30, current_date, 12, 1 from generate_series(1, ?) as n where n % 1000 <> 0""",
                BASE, BASE, orders);
        jdbc.update("""
                insert into invoice (id, order_id, number, amount, status, issued_at, status_changed_at)
                select ? + n, ? + n, 'SCALE-I-' || n, case when n % 10 = 0 then 90.00 else 100.00 end, 'ISSUED',
                    current_timestamp, current_timestamp from generate_series(1, ?) as n""", BASE, BASE, orders);
        jdbc.update("""
                insert into delivery (id, order_id, scheduled_date, status, delivered_at)
                select ? + n, ? + n, current_date, 'DELIVERED', current_timestamp from generate_series(1, ?) as n""",
                BASE, BASE, orders);
        jdbc.execute("analyze");
    }

    private void clean() {
        jdbc.update("delete from review_finding where order_id > ?", BASE);
        jdbc.update("delete from delivery where order_id > ?", BASE);
        jdbc.update("delete from invoice where order_id > ?", BASE);
        jdbc.update("delete from contract where order_id > ?", BASE);
        jdbc.update("delete from sales_order where id > ?", BASE);
        jdbc.update("delete from customer where id = ?", BASE);
    }
}
