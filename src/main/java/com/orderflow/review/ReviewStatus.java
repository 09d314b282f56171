package com.orderflow.review;

public enum ReviewStatus {
    /** Scanning, or waiting for the report to be written. */
    RUNNING,
    /** Scanned; the reports are stored. */
    SCANNED,
    /** The sales managers decided on every finding (or there was none). */
    COMPLETED
}
