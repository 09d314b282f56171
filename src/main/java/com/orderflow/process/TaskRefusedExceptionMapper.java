package com.orderflow.process;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * Answers a refused task operation on /engine-rest with its own status (400/403) and message, in
 * Camunda's error format, so Tasklist shows the message; every other error keeps Camunda's handling.
 */
@Priority(1)
class TaskRefusedExceptionMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof TaskRefusedException refused) {
                return Response.status(refused.getStatus()).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "TaskRefused", "message", refused.getMessage(), "code", 0)).build();
            }
        }
        return camundaDefault.toResponse(exception);
    }
}
