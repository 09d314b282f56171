package com.orderflow.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import com.orderflow.shared.LogContext;

class LogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aStepInsideARequestAddsItsRequestAndLeavesTheRequestsContextAsItWas() {
        try (LogContext.Scope http = LogContext.ofOrder("100023").open()) {
            try (LogContext.Scope step = LogContext.ofRequest("100023", "modification", 51L).open()) {
                assertThat(MDC.get(LogContext.ORDER_NUMBER)).isEqualTo("100023");
                assertThat(MDC.get(LogContext.REQUEST_TYPE)).isEqualTo("modification");
                assertThat(MDC.get(LogContext.REQUEST_ID)).isEqualTo("51");
            }
            assertThat(MDC.get(LogContext.ORDER_NUMBER)).isEqualTo("100023");
            assertThat(MDC.get(LogContext.REQUEST_ID)).isNull();
            assertThat(MDC.get(LogContext.REQUEST_TYPE)).isNull();
        }
        assertThat(MDC.get(LogContext.ORDER_NUMBER)).isNull();
    }

    @Test
    void aReviewHasNoOrderNumberAndKeepsTheOneAroundIt() {
        MDC.put("processInstanceId", "pi-1");
        try (LogContext.Scope outer = LogContext.ofOrder("100023").open();
                LogContext.Scope review = LogContext.ofRequest(null, "review", 7L).open()) {
            assertThat(MDC.get(LogContext.ORDER_NUMBER)).isEqualTo("100023");
            assertThat(MDC.get(LogContext.REQUEST_ID)).isEqualTo("7");
        }
        assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys("processInstanceId");
    }
}
