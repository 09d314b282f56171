package com.orderflow.order;

/**
 * Raised in the writer's transaction whenever an order's state moved to a new revision,
 * so the revision history keeps that state (see RevisionService). {@code state} is the snapshot
 * the writer took after the change, so listeners need not load the order again.
 */
public record OrderChanged(Long orderId, int revision, String actor, String reason, Long requestId,
        OrderSnapshot state) {
}
