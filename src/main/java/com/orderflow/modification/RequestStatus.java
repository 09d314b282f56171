package com.orderflow.modification;

public enum RequestStatus {
    IN_APPROVAL, APPROVED, REJECTED, APPLIED, WITHDRAWN, CONFLICT;

    /** The requester may still withdraw (or, when rejected or in conflict, resubmit). */
    public boolean isOpen() {
        return this == IN_APPROVAL || this == REJECTED || this == CONFLICT;
    }
}
