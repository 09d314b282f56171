package com.orderflow.webhook;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records each attempt and its outcome in a transaction of its own: it stays recorded when the job then
 * fails and rolls back, and a delivered event stays delivered when a later one of the chain fails.
 */
@Component
class Attempts {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Attempts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Delivery delivery, SendOutcome outcome) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into webhook_attempt (delivery_id, attempted_at, status_code, error) values (?, ?, ?, ?)",
                delivery.id(), now, outcome.statusCode(), outcome.error());
        if (outcome.delivered()) {
            jdbc.update("update webhook_delivery set status = 'DELIVERED', delivered_at = ? where id = ?", now,
                    delivery.id());
        } else if (outcome.refused()) {
            jdbc.update("update webhook_delivery set status = 'REFUSED' where id = ? and status = 'PENDING'",
                    delivery.id());
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void cancel(Delivery delivery) {
        jdbc.update("update webhook_delivery set status = 'CANCELLED' where id = ? and status <> 'DELIVERED'",
                delivery.id());
    }
}
