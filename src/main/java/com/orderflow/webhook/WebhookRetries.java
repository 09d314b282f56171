package com.orderflow.webhook;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Retry cycles of {@code deliver-webhook}, read by the BPMN: {@code ${webhookRetries.delivery}} for a
 * subscriber that is down or answers 5xx, 408 or 429 (long, with backoff: such a subscriber loses
 * nothing), {@code ${webhookRetries.refused}} for one that refused the event (4xx), shorter. When a
 * cycle runs out the step becomes an incident in Cockpit; its event stays in the outbox and is sent
 * again when the incident is retried. Public, as the diagram's expressions call it.
 */
@Component("webhookRetries")
public class WebhookRetries {

    private final String delivery;
    private final String refused;

    WebhookRetries(
            @Value("${orderflow.webhooks.retry.delivery:PT10S,PT30S,PT1M,PT5M,PT15M,PT30M,PT1H,PT2H,PT4H,PT8H,PT12H,PT24H}")
            String delivery,
            @Value("${orderflow.webhooks.retry.refused:R3/PT5M}") String refused) {
        this.delivery = delivery;
        this.refused = refused;
    }

    public String getDelivery() {
        return delivery;
    }

    public String getRefused() {
        return refused;
    }
}
