package com.orderflow.webhook;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.audit.AuditRecorded;

/** The CloudEvents 1.0 document (structured JSON) of one audit event, the same for every subscriber. */
@Component
class CloudEvents {

    /** Past this, {@code data.after} is left out (the order can be read over the API); keeps bodies small. */
    private static final int MAX_AFTER_CHARS = 16_384;

    private final ObjectMapper json;
    private final String source;

    CloudEvents(ObjectMapper json, @Value("${orderflow.webhooks.source:urn:orderflow}") String source) {
        this.json = json;
        this.source = source;
    }

    /** Derived from the audit event's id, so a retry, or a second subscriber, sees the same id. */
    static UUID idOf(AuditRecorded recorded) {
        return UUID.nameUUIDFromBytes(("orderflow-audit-event-" + recorded.auditEventId())
                .getBytes(StandardCharsets.UTF_8));
    }

    String document(AuditRecorded recorded, String type, String orderNumber) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("orderId", recorded.orderId());
        data.put("orderNumber", orderNumber);
        data.put("action", recorded.action());
        data.put("details", recorded.details());
        data.put("actor", recorded.actor());
        if (recorded.afterState() != null && recorded.afterState().length() <= MAX_AFTER_CHARS) {
            data.put("after", read(recorded.afterState()));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", idOf(recorded).toString());
        event.put("source", source);
        event.put("type", type);
        event.put("subject", orderNumber);
        event.put("time", recorded.occurredAt().toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event is not serialisable", e);
        }
    }

    private Object read(String state) {
        try {
            return json.readTree(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An audit state is not JSON", e);
        }
    }
}
