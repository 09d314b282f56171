package com.orderflow.process;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task listener refusing a claim or completion (self-approval, a decision without its reason).
 * Camunda wraps listener failures, so {@link TaskRefusedExceptionMapper} digs this out to answer
 * /engine-rest callers with its status instead of a 500.
 */
public class TaskRefusedException extends ProcessEngineException {

    private final int status;

    public TaskRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
