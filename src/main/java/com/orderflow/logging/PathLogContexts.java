package com.orderflow.logging;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.orderflow.shared.LogContext;

/**
 * The log context of an HTTP request, from the ids in its path: {@code /api/orders/{id}/…} and the
 * portal's {@code /orders/{id}/…} name an order, {@code /api/modification-requests/{id}/…} and the portal's
 * {@code /orders/{orderId}/requests/{id}/…} a modification request, {@code /api/settlements/{id}} a
 * settlement. The order number comes from the database (never from the path), one lookup per id.
 */
@Component
class PathLogContexts {

    private static final Pattern MODIFICATION = Pattern.compile(
            "^/(?:api/modification-requests|orders/\\d{1,18}/requests)/(\\d{1,18})(?:/.*)?$");
    private static final Pattern SETTLEMENT = Pattern.compile("^/api/settlements/(\\d{1,18})(?:/.*)?$");
    private static final Pattern ORDER = Pattern.compile("^/(?:api/)?orders/(\\d{1,18})(?:/.*)?$");

    private final JdbcTemplate jdbc;
    private final BoundedCache<String, LogContext> known = new BoundedCache<>(4096);

    PathLogContexts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LogContext> of(String path) {
        Matcher modification = MODIFICATION.matcher(path);
        if (modification.matches()) {
            return known.get("modification-" + modification.group(1), key -> request("modification",
                    "select o.order_number from modification_request r join sales_order o on o.id = r.order_id "
                            + "where r.id = ?", modification.group(1)));
        }
        Matcher settlement = SETTLEMENT.matcher(path);
        if (settlement.matches()) {
            return known.get("settlement-" + settlement.group(1), key -> request("settlement",
                    "select o.order_number from settlement s join sales_order o on o.id = s.order_id where s.id = ?",
                    settlement.group(1)));
        }
        Matcher order = ORDER.matcher(path);
        if (order.matches()) {
            return known.get("order-" + order.group(1), key -> orderNumber(
                    "select order_number from sales_order where id = ?", order.group(1)).map(LogContext::ofOrder));
        }
        return Optional.empty();
    }

    private Optional<LogContext> request(String type, String sql, String id) {
        return orderNumber(sql, id).map(number -> LogContext.ofRequest(number, type, id));
    }

    private Optional<String> orderNumber(String sql, String id) {
        try {
            return jdbc.queryForList(sql, String.class, Long.parseLong(id)).stream().findFirst();
        } catch (DataAccessException e) {
            // The request goes on without a context; what failed here fails it there with a proper answer.
            return Optional.empty();
        }
    }
}
