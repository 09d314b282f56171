package com.orderflow.review;

import org.springframework.stereotype.Component;

/**
 * The cron of the review's timer start event, read by the BPMN as {@code ${reviewSchedule.cron}}.
 * Camunda evaluates it when the diagram is deployed and, with {@link ReviewEngineSettings}, again each
 * time the timer is due, so a changed {@code orderflow.review.cron} takes effect after the next run.
 */
@Component("reviewSchedule")
public class ReviewSchedule {

    private final ReviewProperties properties;

    ReviewSchedule(ReviewProperties properties) {
        this.properties = properties;
    }

    public String getCron() {
        return properties.cron();
    }
}
