package com.orderflow.process;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.orderflow.shared.ConflictException;

/**
 * Answers a refused task operation on /engine-rest with its own status (400/403) and message, and a step
 * that refused to run because a rule of orderflow's forbids it (an order that fails its closing checks,
 * a reopening nobody approved) with 409; both in Camunda's error format as {@code application/problem+json},
 * so Tasklist and Cockpit show the message, with one WARN line instead of a stack trace. Two users acting
 * on one task at the same moment is a conflict too: the one who came second gets 409 (the engine found the
 * instance changed) or 404 (the task was completed meanwhile), where Camunda answers 500. Every other
 * error keeps Camunda's handling.
 */
final class TaskRefusedExceptionMapper {

    private static final Logger log = LoggerFactory.getLogger(TaskRefusedExceptionMapper.class);

    /** How the engine says that a task it was asked to complete is not there (any more). */
    private static final String TASK_GONE = "Cannot find task with id";

    private TaskRefusedExceptionMapper() {
    }

    /** Camunda wraps what its REST resources throw in a RestException. */
    @Priority(1)
    static final class ForRest implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            Response refusal = refusal(exception);
            return refusal != null ? refusal : camundaDefault.toResponse(exception);
        }
    }

    /** What the engine throws directly (a task listener's refusal of a claim, say). */
    @Priority(1)
    static final class ForEngine implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camundaDefault = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response refusal = refusal(exception);
            return refusal != null ? refusal : camundaDefault.toResponse(exception);
        }
    }

    /** What a step throws as it is, unwrapped (a rule of orderflow's that refuses the step). */
    @Priority(1)
    static final class ForRule implements ExceptionMapper<ConflictException> {

        @Override
        public Response toResponse(ConflictException exception) {
            return refusal(exception);
        }
    }

    private static Response refusal(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof TaskRefusedException refused) {
                return answer(refused.getStatus(), "TaskRefused", refused.getMessage());
            }
            if (t instanceof ConflictException rule) {
                return answer(409, "RuleRefused", rule.getMessage());
            }
            if (t instanceof OptimisticLockingException) {
                return answer(409, "ConcurrentUpdate",
                        "Someone else acted on this at the same moment; reload it and try again");
            }
            if (t instanceof NullValueException gone && String.valueOf(gone.getMessage()).startsWith(TASK_GONE)) {
                return answer(404, "TaskGone", "The task no longer exists: someone else completed it meanwhile");
            }
        }
        return null;
    }

    private static Response answer(int status, String type, String message) {
        log.warn("Refused on /engine-rest ({}): {}", status, message);
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", type, "title", type, "status", status, "detail", message, "message", message,
                        "code", 0))
                .build();
    }
}
