package com.orderflow.order.web;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The live state of many orders in one statement: what every open order page watches (status, revision,
 * version, and each request's status, round and number of decisions). One round trip per tick for all
 * watched orders, however many, instead of one per order.
 */
@Component
class LiveStates {

    /** What the live view watches; when it changes, the open order page refreshes itself. */
    record LiveState(String status, int revision, long version, List<String> requests) {
    }

    /** The requests come from {@code request_progress}, the view modification publishes for this (V13). */
    private static final String SQL = """
            select o.id, o.status, o.revision, o.version, r.request_id, r.status as request_status, r.round,
                r.decisions
            from sales_order o left join request_progress r on r.order_id = o.id
            where o.id = any (?)
            order by o.id, r.request_id desc""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    LiveStates(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The state of each order as JSON; an unknown order is missing from the map. */
    Map<Long, String> read(Collection<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, LiveState> states = new LinkedHashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(SQL);
            Array ids = connection.createArrayOf("bigint", orderIds.toArray());
            statement.setArray(1, ids);
            return statement;
        }, rs -> {
            LiveState state = states.computeIfAbsent(rs.getLong("id"), id -> {
                try {
                    return new LiveState(rs.getString("status"), rs.getInt("revision"), rs.getLong("version"),
                            new ArrayList<>());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            long request = rs.getLong("request_id");
            if (!rs.wasNull()) {
                state.requests().add(request + ":" + rs.getString("request_status") + ":" + rs.getInt("round") + ":"
                        + rs.getLong("decisions"));
            }
        });
        Map<Long, String> texts = new HashMap<>();
        states.forEach((id, state) -> texts.put(id, toJson(state)));
        return texts;
    }

    String read(Long orderId) {
        return read(List.of(orderId)).getOrDefault(orderId, "{}");
    }

    private String toJson(LiveState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
