package com.orderflow.shared;

/**
 * A write to record in the audit trail, with its before and after state (serialised by audit). Published
 * synchronously inside the writer's transaction, which audit requires; audit saves the row before the publisher
 * goes on, and a failure to record fails the write. Lets a feature be audited without depending on audit.
 */
public record AuditEntry(Long orderId, String actor, String action, String details, Object before, Object after) {
}
