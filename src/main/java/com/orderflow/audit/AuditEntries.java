package com.orderflow.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.orderflow.shared.AuditEntry;

/**
 * Records each {@link AuditEntry} a feature publishes, at once and in its transaction, through the
 * {@link AuditTrail} bean (so its mandatory-transaction rule applies exactly as to a direct call).
 */
@Component
class AuditEntries {

    private final AuditTrail trail;

    AuditEntries(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AuditEntry entry) {
        trail.record(entry.orderId(), entry.actor(), entry.action(), entry.details(), entry.before(), entry.after());
    }
}
