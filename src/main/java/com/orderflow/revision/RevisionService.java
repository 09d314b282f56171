package com.orderflow.revision;

import java.time.Clock;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.order.OrderChanged;
import com.orderflow.order.OrderSnapshot;
import com.orderflow.shared.NotFoundException;

/** Keeps every state of every order: each OrderChanged stores the new state as a revision in the same transaction. */
@Service
public class RevisionService {

    private final OrderRevisionRepository revisions;
    private final ObjectMapper json;
    private final Clock clock;

    RevisionService(OrderRevisionRepository revisions, ObjectMapper json, Clock clock) {
        this.revisions = revisions;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(OrderChanged event) {
        revisions.save(new OrderRevision(event.orderId(), event.revision(), write(event.state()), event.actor(),
                clock.instant(), event.reason(), event.requestId()));
    }

    @Transactional(readOnly = true)
    public List<OrderRevision> list(Long orderId) {
        return revisions.findByOrderIdOrderByNumberAsc(orderId);
    }

    @Transactional(readOnly = true)
    public OrderRevision get(Long orderId, int number) {
        return revisions.findByOrderIdAndNumber(orderId, number)
                .orElseThrow(() -> new NotFoundException("Revision", number));
    }

    public OrderSnapshot read(OrderRevision revision) {
        try {
            return json.readValue(revision.getSnapshot(), OrderSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Revision " + revision.getNumber() + " is not readable", e);
        }
    }

    private String write(OrderSnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Snapshot is not serialisable", e);
        }
    }
}
