package com.orderflow.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.orderflow.support.RepositorySlice;

/** An order's revisions on PostgreSQL: in number order, only that order's, one per number. */
@RepositorySlice
class OrderRevisionRepositoryTest {

    private static final long ORDER = 971_000_001L;
    private static final long OTHER = 971_000_002L;
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    OrderRevisionRepository revisions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManager entityManager;

    @Test
    void anOrdersRevisionsAreListedByNumberAndNoOtherOrders() {
        orders();
        revisions.save(revision(ORDER, 2));
        revisions.save(revision(OTHER, 1));
        revisions.save(revision(ORDER, 1));
        revisions.save(revision(ORDER, 3));
        entityManager.flush();
        entityManager.clear();

        assertThat(revisions.findByOrderIdOrderByNumberAsc(ORDER)).extracting(OrderRevision::getNumber)
                .containsExactly(1, 2, 3);
        assertThat(revisions.findByOrderIdOrderByNumberAsc(OTHER)).extracting(OrderRevision::getOrderId)
                .containsExactly(OTHER);
        OrderRevision second = revisions.findByOrderIdAndNumber(ORDER, 2).orElseThrow();
        assertThat(second.getSnapshot()).isEqualTo("{\"revision\": 2}");
        assertThat(second.getCreatedBy()).isEqualTo("sales1");
        assertThat(second.getCreatedAt()).isEqualTo(AT);
        assertThat(second.getReason()).isEqualTo("UPDATED");
        assertThat(revisions.findByOrderIdAndNumber(ORDER, 4)).isEmpty();
        assertThat(revisions.findByOrderIdAndNumber(OTHER, 2)).isEmpty();
    }

    @Test
    void aNumberIsTakenOncePerOrder() {
        orders();
        revisions.save(revision(ORDER, 1));
        revisions.save(revision(OTHER, 1));
        entityManager.flush();

        revisions.save(revision(ORDER, 1));
        assertThatThrownBy(entityManager::flush)
                .hasStackTraceContaining("violates unique constraint \"order_revision_order_id_number_key\"");
    }

    private void orders() {
        jdbc.update("insert into customer (id, name, email, version) values (?, 'Slice Ltd', 'buyer@slice.test', 0)",
                ORDER);
        for (long id : new long[] { ORDER, OTHER }) {
            jdbc.update("""
                    insert into sales_order (id, order_number, customer_id, customer_name, customer_email, owner,
                        status, sales_stage, currency, discount_percent, total, revision, version, created_at)
                    values (?, ?, ?, 'Slice Ltd', 'buyer@slice.test', 'sales1', 'OPEN', 'WON', 'EUR', 0, 100, 1, 0,
                        now())""", id, "SO-SLICE-" + id, ORDER);
        }
    }

    private static OrderRevision revision(long orderId, int number) {
        return new OrderRevision(orderId, number, "{\"revision\": " + number + "}", "sales1", AT, "UPDATED", null);
    }
}
