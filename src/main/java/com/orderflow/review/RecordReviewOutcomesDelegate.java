package com.orderflow.review;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.orderflow.shared.Actor;
import com.orderflow.shared.InvalidFieldException;

/**
 * Records the review-findings outcome: the orders listed in {@code fixRequests} (ids, comma or space
 * separated, or a list) get FIX_REQUESTED, every other finding ACKNOWLEDGED. Also runs when the
 * review found nothing, to complete it.
 */
@Component("recordReviewOutcomesDelegate")
class RecordReviewOutcomesDelegate implements JavaDelegate {

    private final ReviewService reviews;

    RecordReviewOutcomesDelegate(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long reviewId = reviews.reviewOf(execution.getProcessInstanceId());
        Set<Long> fix = orderIds(execution.getVariable(ReviewVariables.FIX_REQUESTS));
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        reviews.recordOutcomes(reviewId, fix, user == null ? Actor.SALES_MANAGERS : user.getUserId());
    }

    static Set<Long> orderIds(Object value) {
        Set<Long> ids = new LinkedHashSet<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> ids.addAll(orderIds(item)));
        } else if (value instanceof Number number) {
            ids.add(number.longValue());
        } else if (value != null) {
            for (String part : value.toString().split("[,;\\s]+")) {
                if (!part.isBlank()) {
                    try {
                        ids.add(Long.valueOf(part.trim()));
                    } catch (NumberFormatException e) {
                        throw new InvalidFieldException(ReviewVariables.FIX_REQUESTS,
                                "fixRequests lists order ids; '" + part + "' is not one");
                    }
                }
            }
        }
        return ids;
    }
}
