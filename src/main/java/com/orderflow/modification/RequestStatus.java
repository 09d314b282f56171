package com.orderflow.modification;

public enum RequestStatus {
    /** Filed; the process decides in the background who must approve (then IN_APPROVAL). */
    SUBMITTED, IN_APPROVAL, APPROVED, REJECTED, APPLIED, WITHDRAWN, CONFLICT;

    /** The requester may still withdraw (or, when rejected or in conflict, resubmit). */
    public boolean isOpen() {
        return this == SUBMITTED || this == IN_APPROVAL || this == REJECTED || this == CONFLICT;
    }
}
