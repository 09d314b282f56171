package com.orderflow.modification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Durations of the approval reminder and escalation timers (ISO 8601), read by the BPMN as
 * {@code ${approvalTimers.remindAfter}} so operators change them in application.yml.
 */
@Component("approvalTimers")
public class ApprovalTimers {

    private final String remindAfter;
    private final String escalateAfter;

    ApprovalTimers(@Value("${orderflow.approval.remind-after:PT24H}") String remindAfter,
            @Value("${orderflow.approval.escalate-after:P3D}") String escalateAfter) {
        this.remindAfter = remindAfter;
        this.escalateAfter = escalateAfter;
    }

    public String getRemindAfter() {
        return remindAfter;
    }

    public String getEscalateAfter() {
        return escalateAfter;
    }
}
