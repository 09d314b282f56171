package com.orderflow.settlement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Durations of the settlement reminder and escalation timers (ISO 8601), read by the BPMN as
 * {@code ${settlementTimers.remindAfter}}, so operators change them in application.yml.
 */
@Component("settlementTimers")
public class SettlementTimers {

    private final String remindAfter;
    private final String escalateAfter;

    SettlementTimers(@Value("${orderflow.settlement.remind-after:P2D}") String remindAfter,
            @Value("${orderflow.settlement.escalate-after:P5D}") String escalateAfter) {
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
