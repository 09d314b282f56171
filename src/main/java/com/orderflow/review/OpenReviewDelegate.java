package com.orderflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Makes the review row when the weekly timer started the process; an admin's start already made it. */
@Component("openReviewDelegate")
class OpenReviewDelegate implements JavaDelegate {

    private final ReviewService reviews;

    OpenReviewDelegate(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(ReviewVariables.REVIEW_ID) == null) {
            execution.setVariable(ReviewVariables.REVIEW_ID, reviews.openScheduled(execution.getProcessInstanceId()));
        }
    }
}
