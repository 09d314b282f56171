package com.orderflow.order;

/**
 * Raised in the writer's transaction when finance issued, credited or voided a document over the API
 * (not through a settlement), so an open settlement of the order can follow: {@code document} is its
 * number.
 */
public record InvoicesChangedDirectly(Long orderId, String actor, String document) {
}
