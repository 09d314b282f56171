package com.orderflow.revision;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.audit.AuditEvent;
import com.orderflow.audit.AuditTrail;
import com.orderflow.order.OrderAccess;
import com.orderflow.revision.SnapshotDiff.FieldDifference;
import com.orderflow.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The history of an order: its revisions, the differences between them, and its audit trail. */
@RestController
@RequestMapping("/api/orders/{orderId}")
@Tag(name = "Revisions and audit", description = "An order's history: a full snapshot for every change and an "
        + "append-only audit event for every write.")
class OrderHistoryController {

    record RevisionSummary(int number, String createdBy, Instant createdAt, String reason, Long requestId) {
    }

    record RevisionView(int number, String createdBy, Instant createdAt, String reason, Long requestId,
            JsonNode order) {
    }

    record DiffView(int from, int to, List<FieldDifference> changes) {
    }

    record AuditView(Long id, String actor, String action, String details, JsonNode before, JsonNode after,
            Instant occurredAt) {
    }

    private final RevisionService revisions;
    private final AuditTrail audit;
    private final OrderAccess access;
    private final ObjectMapper json;

    OrderHistoryController(RevisionService revisions, AuditTrail audit, OrderAccess access, ObjectMapper json) {
        this.revisions = revisions;
        this.audit = audit;
        this.access = access;
        this.json = json;
    }

    @Operation(operationId = "listRevisions", summary = "List an order's revisions",
            description = "Every revision of the order: number, author, time, reason and the request that made it.")
    @GetMapping("/revisions")
    List<RevisionSummary> revisions(@PathVariable Long orderId, Actor actor) {
        access.checkReadable(orderId, actor);
        return revisions.list(orderId).stream().map(r -> new RevisionSummary(r.getNumber(), r.getCreatedBy(),
                r.getCreatedAt(), r.getReason(), r.getRequestId())).toList();
    }

    @Operation(operationId = "getRevision", summary = "Read a revision",
            description = "One revision with the full JSON snapshot of the order at that point.")
    @GetMapping("/revisions/{number}")
    RevisionView revision(@PathVariable Long orderId, @PathVariable int number, Actor actor) {
        access.checkReadable(orderId, actor);
        OrderRevision r = revisions.get(orderId, number);
        return new RevisionView(r.getNumber(), r.getCreatedBy(), r.getCreatedAt(), r.getReason(), r.getRequestId(),
                tree(r.getSnapshot()));
    }

    @Operation(operationId = "diffRevisions", summary = "Compare two revisions",
            description = "The fields that differ between two revisions of the order, with both values.")
    @GetMapping("/revisions/{from}/diff/{to}")
    DiffView diff(@PathVariable Long orderId, @PathVariable int from, @PathVariable int to, Actor actor) {
        access.checkReadable(orderId, actor);
        JsonNode a = tree(revisions.get(orderId, from).getSnapshot());
        JsonNode b = tree(revisions.get(orderId, to).getSnapshot());
        return new DiffView(from, to, SnapshotDiff.between(a, b));
    }

    @Operation(operationId = "listAuditEvents", summary = "List an order's audit events",
            description = "Every write to the order and its documents, oldest first: actor, action, details, before "
                    + "and after.")
    @GetMapping("/audit")
    List<AuditView> audit(@PathVariable Long orderId, Actor actor) {
        access.checkReadable(orderId, actor);
        return audit.forOrder(orderId).stream().map(this::view).toList();
    }

    private AuditView view(AuditEvent e) {
        return new AuditView(e.getId(), e.getActor(), e.getAction(), e.getDetails(), tree(e.getBeforeState()),
                tree(e.getAfterState()), e.getOccurredAt());
    }

    private JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored JSON is not readable", e);
        }
    }
}
