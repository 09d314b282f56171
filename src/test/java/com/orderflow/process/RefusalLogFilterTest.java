package com.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import com.orderflow.shared.ConflictException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;

class RefusalLogFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger engineContext = context.getLogger(RefusalLogFilter.COMMAND_CONTEXT_LOGGER);
    private final RefusalLogFilter filter = new RefusalLogFilter();

    /** As Camunda's listener invocation wraps what a task listener throws. */
    private static ProcessEngineException wrappedByTheEngine(Exception refusal) {
        return new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
                refusal);
    }

    @Test
    void theEnginesErrorLineOfAListenersRefusalIsDropped() {
        var failure = wrappedByTheEngine(new TaskRefusedException(403, "The requester may not approve"));

        assertThat(decide(Level.ERROR, engineContext, failure)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void aRuleOfOrderflowsRefusingAStepIsARefusalToo() {
        var failure = wrappedByTheEngine(new ConflictException("The order fails its closing checks"));

        assertThat(decide(Level.ERROR, engineContext, failure)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void anyOtherFailureOfACommandKeepsItsErrorLine() {
        var failure = wrappedByTheEngine(new IllegalStateException("connection refused"));

        assertThat(decide(Level.ERROR, engineContext, failure)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(Level.ERROR, engineContext, null)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void otherLoggersAndLevelsAreLeftAlone() {
        var failure = wrappedByTheEngine(new TaskRefusedException(403, "The requester may not approve"));

        assertThat(decide(Level.ERROR, context.getLogger("org.camunda.bpm.engine.jobexecutor"), failure))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(Level.WARN, engineContext, failure)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void theExceptionIsFoundWhereverLogbackIsGivenIt() {
        var failure = wrappedByTheEngine(new TaskRefusedException(400, "must add up"));

        assertThat(filter.decide(null, engineContext, Level.ERROR, "{} {}", null, failure)).isEqualTo(FilterReply.DENY);
    }

    /** Camunda's loggers hand the exception over as the message's last argument. */
    private FilterReply decide(Level level, Logger logger, Throwable failure) {
        return filter.decide(null, logger, level, "ENGINE-16004 Exception while closing command context: {}",
                new Object[] { failure == null ? "no cause" : failure.getMessage(), failure }, null);
    }
}
