package com.orderflow.metrics.domain;

import org.springframework.stereotype.Component;

import com.orderflow.modification.ModificationReason;
import com.orderflow.modification.RequestStatus;
import com.orderflow.notification.NotificationState;
import com.orderflow.review.FindingKind;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** orderflow's own totals and levels, from {@link DomainCounts}; every reason and kind shows, also at 0. */
@Component
class DomainMeters implements MeterBinder {

    private final DomainCounts counts;

    DomainMeters(DomainCounts counts) {
        this.counts = counts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ModificationReason reason : ModificationReason.values()) {
            String r = reason.name();
            requests(registry, "filed", "Modification requests filed", "filed", r);
            requests(registry, "applied", "Modification requests applied", "final", RequestStatus.APPLIED + "/" + r);
            requests(registry, "withdrawn", "Modification requests withdrawn", "final",
                    RequestStatus.WITHDRAWN + "/" + r);
            requests(registry, "rejected", "Approval rounds ended by a rejection", "rejected", r);
            requests(registry, "conflicted", "Approved requests that met a changed order", "conflicted", r);
        }
        counter(registry, "orderflow.emails.sent", "Emails the mail server accepted", "emails",
                NotificationState.SENT.name());
        counter(registry, "orderflow.emails.failed", "Emails given up on", "emails", NotificationState.FAILED.name());
        gauge(registry, "orderflow.emails.pending", "Emails waiting to be sent (or retried)", "emails",
                NotificationState.PENDING.name());
        counter(registry, "orderflow.settlements.settled", "Settlements finance has settled", "settlements",
                "SETTLED");
        gauge(registry, "orderflow.settlements.open", "Settlements waiting for finance", "settlements", "OPEN");
        for (FindingKind kind : FindingKind.values()) {
            FunctionCounter.builder("orderflow.review.findings", counts, c -> c.get("findings", kind.name()))
                    .description("Findings of the periodic reviews").tag("kind", kind.name()).register(registry);
        }
    }

    private void requests(MeterRegistry registry, String outcome, String description, String family, String key) {
        String reason = key.substring(key.indexOf('/') + 1);
        FunctionCounter.builder("orderflow.modification.requests." + outcome, counts, c -> c.get(family, key))
                .description(description).tag("reason", reason).register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, String family, String key) {
        FunctionCounter.builder(name, counts, c -> c.get(family, key)).description(description).register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, String family, String key) {
        Gauge.builder(name, counts, c -> c.get(family, key)).description(description).register(registry);
    }
}
