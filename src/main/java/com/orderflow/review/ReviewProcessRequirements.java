package com.orderflow.review;

import java.util.List;

import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessRequirement;
import com.orderflow.process.ProcessRequirements;

/** What the review's code relies on in closed-order-review.bpmn: {@link ReviewVariables}. */
@Component
class ReviewProcessRequirements implements ProcessRequirements {

    @Override
    public List<ProcessRequirement> requirements() {
        return List.of(
                new ProcessRequirement.Process(ReviewVariables.KEY),
                new ProcessRequirement.Activity(ReviewVariables.KEY, ReviewVariables.SCAN_ACTIVITY),
                new ProcessRequirement.UserTask(ReviewVariables.KEY, ReviewVariables.REVIEW_FINDINGS_TASK,
                        null, List.of(ReviewVariables.FIX_REQUESTS)),
                new ProcessRequirement.Variable(ReviewVariables.REVIEW_ID),
                new ProcessRequirement.Variable(ReviewVariables.FINDING_COUNT),
                new ProcessRequirement.Variable(ReviewVariables.PDF_REPORT_ID),
                new ProcessRequirement.Variable(ReviewVariables.CSV_REPORT_ID),
                new ProcessRequirement.Variable(ReviewVariables.FINDING_SUMMARY),
                new ProcessRequirement.Variable(ReviewVariables.FIX_REQUESTS));
    }
}
