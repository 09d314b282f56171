package com.orderflow.support;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * What the application logs while a test runs: {@link #start()} before, {@link #stop()} after. Each
 * event keeps its MDC as it was on the thread that logged it (logback reads it lazily otherwise).
 */
public final class CapturedLogs extends ListAppender<ILoggingEvent> {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @Override
    public void start() {
        super.start();
        root.addAppender(this);
    }

    @Override
    public void stop() {
        root.detachAppender(this);
        super.stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        super.append(event);
    }

    public List<ILoggingEvent> containing(String text) {
        return events().stream().filter(e -> e.getFormattedMessage().contains(text)).toList();
    }

    public List<ILoggingEvent> fromLogger(String loggerName) {
        return events().stream().filter(e -> e.getLoggerName().equals(loggerName)).toList();
    }

    private List<ILoggingEvent> events() {
        synchronized (this) {
            return new ArrayList<>(list);
        }
    }
}
