package com.orderflow.shared;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links an email gives to where its reader acts, absolute from {@code orderflow.public-base-url}
 * (the address users reach the app at, behind any proxy). A task link names the process instance, not
 * the task: the email that announces a task is sent before the task exists, and the task changes (an
 * escalation, the next round); {@code /tasks/open} finds the reader's open task when they click.
 */
@Component
public class MailLinks {

    /** Where {@code /tasks/open} sends the reader: Camunda Tasklist's page of one task. */
    public static final String TASKLIST = "/camunda/app/tasklist/default/";

    private final String base;

    MailLinks(@Value("${orderflow.public-base-url:http://localhost:8080}") String base) {
        URI uri = URI.create(base.strip());
        if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("orderflow.public-base-url must be an absolute http(s) URL, not "
                    + base);
        }
        this.base = base.strip().replaceAll("/+$", "");
    }

    /** The reader's open task in this process instance; the order's page once there is none. */
    public String task(String processInstanceId, Long orderId) {
        UriComponentsBuilder link = UriComponentsBuilder.fromUriString(base + "/tasks/open")
                .queryParam("process", processInstanceId);
        if (orderId != null) {
            link.queryParam("order", orderId);
        }
        return link.encode().toUriString();
    }

    /** The order's page in the portal. */
    public String order(Long orderId) {
        return base + "/orders/" + orderId;
    }

    /** The portal's form to file a modification request for the order. */
    public String modify(Long orderId) {
        return base + "/orders/" + orderId + "/modify";
    }
}
