package com.orderflow.revision.web;

import java.time.Instant;
import java.util.List;

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
        Long orderId = page.order().id();
        List<RevisionRow> history = revisions.list(orderId).stream()
                .map(r -> new RevisionRow(r.getNumber(), r.getCreatedBy(), r.getCreatedAt(), r.getReason(),
                        r.getRequestId()))
                .toList();
        return new Revisions(history, diff(orderId, history, page.from(), page.to()));
    }

    /** {@code from}/{@code to} pick the revisions to compare (default: the last change). */
    private Diff diff(Long orderId, List<RevisionRow> history, Integer from, Integer to) {
        if (history.isEmpty()) {
            return null;
        }
        int last = history.get(history.size() - 1).number();
        int b = to == null ? last : to;
        int a = from == null ? Math.max(1, b - 1) : from;
        if (history.stream().noneMatch(r -> r.number() == a) || history.stream().noneMatch(r -> r.number() == b)) {
            return null;
        }
        OrderRevision left = revisions.get(orderId, a);
        OrderRevision right = revisions.get(orderId, b);
        return new Diff(a, b, SnapshotDiff.between(tree(left.getSnapshot()), tree(right.getSnapshot())));
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored revision is not readable", e);
        }
    }
}
