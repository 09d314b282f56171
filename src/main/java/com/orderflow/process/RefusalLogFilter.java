package com.orderflow.process;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.core.spi.FilterReply;

import com.orderflow.shared.ConflictException;

/**
 * Keeps a normal refusal out of the error log. Camunda logs every command that fails as an ERROR with
 * the whole stack trace ({@code ENGINE-16004}), a self-approval refused by a task listener as much as a
 * broken database; {@link TaskRefusedExceptionMapper} already logs the refusal as one WARN line with its
 * reason, so the engine's line is dropped when what failed the command is one of orderflow's refusals.
 * Failed jobs keep their log: the job executor logs them under its own logger.
 */
final class RefusalLogFilter extends ch.qos.logback.classic.turbo.TurboFilter {

    static final String COMMAND_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (logger == null || level != Level.ERROR || !COMMAND_CONTEXT_LOGGER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        return isRefusal(t) || isRefusal(lastThrowable(params)) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /** Camunda's loggers pass the exception as the last argument of the message. */
    private static Throwable lastThrowable(Object[] params) {
        if (params == null || params.length == 0) {
            return null;
        }
        return params[params.length - 1] instanceof Throwable t ? t : null;
    }

    static boolean isRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TaskRefusedException || t instanceof ConflictException) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }
}
