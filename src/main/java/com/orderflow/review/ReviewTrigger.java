package com.orderflow.review;

/** Why a review ran: the weekly timer or an admin's POST /api/admin/reviews. */
public enum ReviewTrigger {
    SCHEDULE, MANUAL
}
