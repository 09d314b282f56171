package com.orderflow.audit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records every write with its before and after state, in the writer's transaction, and announces it
 * ({@link AuditRecorded}) in that transaction, so what reacts to it (outbound events) commits with it.
 */
@Service
public class AuditTrail {

    private final AuditEventRepository events;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    AuditTrail(AuditEventRepository events, ObjectMapper json, Clock clock, ApplicationEventPublisher publisher) {
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.publisher = publisher;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long orderId, String actor, String action, String details, Object before, Object after) {
        AuditEvent saved = events.save(new AuditEvent(orderId, actor, action, details, toJson(before), toJson(after),
                clock.instant()));
        publisher.publishEvent(new AuditRecorded(saved.getId(), orderId, actor, action, details, saved.getAfterState(),
                saved.getOccurredAt()));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> forOrder(Long orderId) {
        return events.findByOrderIdOrderByIdAsc(orderId);
    }

    /** The first event of an order with this action and details, e.g. what followed one revision. */
    @Transactional(readOnly = true)
    public Optional<AuditEvent> find(Long orderId, String action, String details) {
        return events.findFirstByOrderIdAndActionAndDetailsOrderByIdAsc(orderId, action, details);
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state is not serialisable", e);
        }
    }
}
