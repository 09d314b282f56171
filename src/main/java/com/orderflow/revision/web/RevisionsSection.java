package com.orderflow.revision.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.order.OrderPageSection;
import com.orderflow.revision.OrderRevision;
import com.orderflow.revision.RevisionService;
import com.orderflow.revision.SnapshotDiff;
import com.orderflow.revision.SnapshotDiff.FieldDifference;

/** The order page's revisions, and the differences between the two it compares. */
@Component
@Order(20)
class RevisionsSection implements OrderPageSection {

    record RevisionRow(int number, String createdBy, Instant createdAt, String reason, Long requestId) {
    }

    record Diff(int from, int to, List<FieldDifference> changes) {
    }

    /** {@code diff} is null when there is nothing (or nothing valid) to compare. */
    record Revisions(List<RevisionRow> revisions, Diff diff) {
    }

    private final RevisionService revisions;
    private final ObjectMapper json;

    RevisionsSection(RevisionService revisions, ObjectMapper json) {
        this.revisions = revisions;
        this.json = json;
    }

    @Override
    public Place place() {
        return Place.HISTORY;
    }

    @Override
    public String template() {
        return "portal/sections/revisions";
    }

    @Override
    public Revisions read(PageRequest page) {
        List<OrderRevision> stored = revisions.list(page.order().id());
        List<RevisionRow> history = stored.stream()
                .map(r -> new RevisionRow(r.getNumber(), r.getCreatedBy(), r.getCreatedAt(), r.getReason(),
                        r.getRequestId()))
                .toList();
        return new Revisions(history, diff(stored, page.from(), page.to()));
    }

    /**
     * {@code from}/{@code to} pick the revisions to compare (default: the last change), from those already
     * read: every revision carries its snapshot.
     */
    private Diff diff(List<OrderRevision> stored, Integer from, Integer to) {
        if (stored.isEmpty()) {
            return null;
        }
        int b = to == null ? stored.get(stored.size() - 1).getNumber() : to;
        int a = from == null ? Math.max(1, b - 1) : from;
        Optional<OrderRevision> left = numbered(stored, a);
        Optional<OrderRevision> right = numbered(stored, b);
        if (left.isEmpty() || right.isEmpty()) {
            return null;
        }
        return new Diff(a, b, SnapshotDiff.between(tree(left.get().getSnapshot()), tree(right.get().getSnapshot())));
    }

    private static Optional<OrderRevision> numbered(List<OrderRevision> stored, int number) {
        return stored.stream().filter(r -> r.getNumber() == number).findFirst();
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored revision is not readable", e);
        }
    }
}
