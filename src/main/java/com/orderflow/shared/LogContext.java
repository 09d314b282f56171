package com.orderflow.shared;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.MDC;

/**
 * What a log line is about, as MDC entries: the order's number and, when the work is a request's, which
 * request. Spring Boot's structured formats (ECS, Logstash) write every MDC entry as a field, and the
 * plain console pattern can name them, so one search for an order number follows it from filing to email.
 *
 * @param orderNumber the order's number, or null (a review is about many orders)
 * @param requestType {@code modification}, {@code close}, {@code reopen}, {@code settlement} or
 *                    {@code review}: what {@code requestId} counts, since each kind has its own ids
 * @param requestId   the id of the modification request, lifecycle request, settlement or review
 */
public record LogContext(String orderNumber, String requestType, String requestId) {

    public static final String ORDER_NUMBER = "orderNumber";
    public static final String REQUEST_TYPE = "requestType";
    public static final String REQUEST_ID = "requestId";

    private static final String[] KEYS = { ORDER_NUMBER, REQUEST_TYPE, REQUEST_ID };

    public static LogContext ofOrder(String orderNumber) {
        return new LogContext(orderNumber, null, null);
    }

    public static LogContext ofRequest(String orderNumber, String requestType, Object requestId) {
        return new LogContext(orderNumber, requestType, requestId == null ? null : requestId.toString());
    }

    /**
     * Puts the values that are known into this thread's MDC until the scope closes, which puts back what
     * was there before: a step that runs inside an HTTP request, or inside another step, leaves the
     * outer context as it found it.
     */
    public Scope open() {
        Map<String, String> before = new HashMap<>();
        for (String key : KEYS) {
            before.put(key, MDC.get(key));
        }
        put(ORDER_NUMBER, orderNumber);
        put(REQUEST_TYPE, requestType);
        put(REQUEST_ID, requestId);
        return () -> before.forEach(LogContext::restore);
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    /** An open context; closing it restores the MDC and throws nothing. */
    public interface Scope extends AutoCloseable {

        Scope NONE = () -> { };

        @Override
        void close();
    }
}
