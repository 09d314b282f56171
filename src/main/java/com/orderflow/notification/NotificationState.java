package com.orderflow.notification;

/**
 * PENDING until the mail server accepted the message; a failed attempt stays PENDING so the next
 * retry of the job sends it. FAILED is for rows given up on by an operator.
 */
public enum NotificationState {
    PENDING, SENT, FAILED
}
