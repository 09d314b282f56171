package com.orderflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Makes the review row when the weekly timer started the process (an admin's run starts after this step). */
@Component("openReviewDelegate")
class OpenReviewDelegate implements JavaDelegate {

    private final ReviewService reviews;

    OpenReviewDelegate(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Shown in the task's name and form; the steps find the review from the instance.
        execution.setVariable(ReviewVariables.REVIEW_ID, reviews.openScheduled(execution.getProcessInstanceId()));
    }
}
