package com.orderflow.webhook;

import java.util.UUID;

/** One event for one subscriber: an outbox row, with the exact body that is signed and sent every time. */
record Delivery(long id, long subscriberId, long orderId, UUID eventId, String type, String subject, String body,
        Status status) {

    enum Status {
        /** Not delivered yet: it is tried until it is, in the order's order. */
        PENDING,
        DELIVERED,
        /** The subscriber answered 4xx (not 408/429): later events of the order no longer wait for it. */
        REFUSED,
        /** The subscriber was deactivated before it was delivered. */
        CANCELLED
    }
}
