package com.orderflow.logging;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.orderflow.shared.LogContext;

/**
 * The log context of a process instance, from the link orderflow stored when it started the instance
 * ({@code process_instance_id} of the request, settlement or review; a {@code send-email} instance
 * through the instance it sends for; one queued by a direct edit, which no instance stands behind, by its
 * business key, taken only when orderflow queued it and it is an order's number), never from variables
 * a caller of /engine-rest could write.
 * Plain SQL rather than the features' repositories: a JPA query would flush the step's pending
 * changes early, and logs must not change what a step does.
 */
@Component
class InstanceLogContexts {

    private static final Logger log = LoggerFactory.getLogger(InstanceLogContexts.class);

    private static final String SQL = """
            with instance as (
                select coalesce((select source_process_instance_id from queued_mail
                                 where process_instance_id = ?), ?) as id)
            select o.order_number, 'modification' as type, r.id from modification_request r
                join sales_order o on o.id = r.order_id join instance i on r.process_instance_id = i.id
            union all
            select o.order_number, lower(l.kind), l.id from lifecycle_request l
                join sales_order o on o.id = l.order_id join instance i on l.process_instance_id = i.id
            union all
            select o.order_number, 'settlement', s.id from settlement s
                join sales_order o on o.id = s.order_id join instance i on s.process_instance_id = i.id
            union all
            select null, 'review', c.id from closed_order_review c join instance i on c.process_instance_id = i.id
            union all
            select o.order_number, null, null from queued_mail q join sales_order o on o.order_number = ?
                where q.process_instance_id = ? and q.source_process_instance_id is null
            """;

    private final JdbcTemplate jdbc;
    private final BoundedCache<String, LogContext> known = new BoundedCache<>(4096);

    InstanceLogContexts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LogContext> of(String processInstanceId, String businessKey) {
        return known.get(processInstanceId, id -> lookUp(id, businessKey));
    }

    private Optional<LogContext> lookUp(String processInstanceId, String businessKey) {
        try {
            return jdbc.query(SQL, (rs, row) -> LogContext.ofRequest(rs.getString(1), rs.getString(2),
                    rs.getObject(3) == null ? null : rs.getLong(3)), processInstanceId, processInstanceId,
                    businessKey, processInstanceId).stream().findFirst();
        } catch (DataAccessException e) {
            // A transaction already failing fails in the step itself, with its own error: not here.
            log.debug("No log context for process instance {}: {}", processInstanceId, e.toString());
            return Optional.empty();
        }
    }
}
