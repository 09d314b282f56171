package com.orderflow.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The outbox of outbound events, in plain SQL: rows are written once and only their status moves. */
@Repository
class Deliveries {

    private static final String COLUMNS = "id, subscriber_id, order_id, event_id, event_type, subject, body, status";
    private static final RowMapper<Delivery> ROW = Deliveries::map;

    private final JdbcTemplate jdbc;

    Deliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long subscriberId, long orderId, UUID eventId, String type, String subject, String body,
            Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    insert into webhook_delivery (subscriber_id, order_id, event_id, event_type, subject, body,
                        status, created_at) values (?, ?, ?, ?, ?, ?, 'PENDING', ?)""", new String[] { "id" });
            insert.setLong(1, subscriberId);
            insert.setLong(2, orderId);
            insert.setObject(3, eventId);
            insert.setString(4, type);
            insert.setString(5, subject);
            insert.setString(6, body);
            insert.setTimestamp(7, Timestamp.from(now));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    void linkProcess(long deliveryId, String processInstanceId) {
        jdbc.update("update webhook_delivery set process_instance_id = ? where id = ?", processInstanceId, deliveryId);
    }

    Optional<Delivery> ofProcess(String processInstanceId) {
        return jdbc.query("select " + COLUMNS + " from webhook_delivery where process_instance_id = ?", ROW,
                processInstanceId).stream().findFirst();
    }

    /**
     * Held until the job's transaction ends: one job at a time delivers the events of a subscriber and
     * an order, so none is sent twice at once and none overtakes another. An advisory lock, not a row
     * lock, so the attempts can be recorded in transactions of their own meanwhile.
     */
    void lockOrderOf(Delivery delivery) {
        jdbc.queryForList("select pg_advisory_xact_lock(cast(? as int), cast(? as int))",
                (int) (delivery.subscriberId() % Integer.MAX_VALUE), (int) (delivery.orderId() % Integer.MAX_VALUE));
    }

    /** The events to send before and with this one, oldest first: pending ones, and this one itself. */
    List<Delivery> dueUpTo(Delivery delivery) {
        return jdbc.query("select " + COLUMNS + " from webhook_delivery where subscriber_id = ? and order_id = ?"
                + " and id <= ? and (status = 'PENDING' or id = ?) order by id", ROW, delivery.subscriberId(),
                delivery.orderId(), delivery.id(), delivery.id());
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("subscriber_id"), rs.getLong("order_id"),
                rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("subject"),
                rs.getString("body"), Delivery.Status.valueOf(rs.getString("status")));
    }
}
