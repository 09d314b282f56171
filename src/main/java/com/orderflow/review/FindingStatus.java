package com.orderflow.review;

/** What the sales managers decided about a finding in the review-findings task. */
public enum FindingStatus {
    OPEN, ACKNOWLEDGED, FIX_REQUESTED
}
