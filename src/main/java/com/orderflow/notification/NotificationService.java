package com.orderflow.notification;

import org.springframework.stereotype.Service;

/** SKELETON: the notification helper replaces this with the real outbox + sender. */
@Service
public class NotificationService {

    /**
     * Records one Notification row per recipient (once per eventKey, in its own transaction) and sends
     * every one still PENDING. Throws {@link MailDeliveryException} when any could not be sent, so the
     * calling job is retried; rows already SENT are never sent again.
     */
    public void notify(MailEvent event) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
