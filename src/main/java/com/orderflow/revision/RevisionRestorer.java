package com.orderflow.revision;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.modification.ModificationReason;
import com.orderflow.modification.ModificationService;
import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.modification.ModificationViews.SubmitRequest;
import com.orderflow.order.OrderAccess;
import com.orderflow.order.OrderSnapshot;
import com.orderflow.order.OrderSnapshots;
import com.orderflow.order.SalesOrder;
import com.orderflow.shared.Actor;
import com.orderflow.shared.ConflictException;

/**
 * Restoring a revision is a modification request (reason RESTORE), approved like any other: its changes
 * take the order back to the revision in every field a user can change. Applying it stores a new
 * revision; history is never rewritten.
 */
@Service
public class RevisionRestorer {

    private final OrderAccess access;
    private final OrderSnapshots snapshots;
    private final RevisionService revisions;
    private final RestoreChanges restoreChanges;
    private final ModificationService modifications;

    RevisionRestorer(OrderAccess access, OrderSnapshots snapshots, RevisionService revisions,
            RestoreChanges restoreChanges, ModificationService modifications) {
        this.access = access;
        this.snapshots = snapshots;
        this.revisions = revisions;
        this.restoreChanges = restoreChanges;
        this.modifications = modifications;
    }

    @Transactional
    public RequestView restore(Long orderId, int revision, String description, Actor actor) {
        SalesOrder order = access.changeable(orderId, actor);
        OrderSnapshot target = revisions.read(revisions.get(orderId, revision));
        Map<String, JsonNode> changes = restoreChanges.between(snapshots.of(order), target);
        if (changes.isEmpty()) {
            throw new ConflictException("Order " + order.getOrderNumber() + " already equals revision " + revision
                    + " in every field a user can change; there is nothing to restore");
        }
        String text = "恢复到版本 / Restore revision " + revision
                + (description == null || description.isBlank() ? "" : ": " + description.strip());
        return modifications.submit(orderId, new SubmitRequest(ModificationReason.RESTORE, text, changes), actor);
    }
}
