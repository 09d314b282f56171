package com.orderflow.process;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Retry cycles of asynchronous steps, read by the BPMN as {@code ${retryPolicy.mail}}: a step that
 * still fails after the last retry becomes an incident in Cockpit.
 */
@Component("retryPolicy")
public class RetryPolicy {

    private final String mail;
    private final String work;

    RetryPolicy(@Value("${orderflow.retry.mail:R10/PT1M}") String mail,
            @Value("${orderflow.retry.work:R3/PT10S}") String work) {
        this.mail = mail;
        this.work = work;
    }

    public String getMail() {
        return mail;
    }

    public String getWork() {
        return work;
    }
}
