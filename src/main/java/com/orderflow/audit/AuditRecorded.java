package com.orderflow.audit;

import java.time.Instant;

/** An audit event was saved, published in the writer's transaction; {@code afterState} is JSON or null. */
public record AuditRecorded(Long auditEventId, Long orderId, String actor, String action, String details,
        String afterState, Instant occurredAt) {
}
