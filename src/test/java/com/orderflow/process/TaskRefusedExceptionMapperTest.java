package com.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** Camunda's REST resources wrap what the engine throws in a 500; a normal refusal or race must not stay one. */
class TaskRefusedExceptionMapperTest {

    private final TaskRefusedExceptionMapper.ForRest forRest = new TaskRefusedExceptionMapper.ForRest();
    private final TaskRefusedExceptionMapper.ForEngine forEngine = new TaskRefusedExceptionMapper.ForEngine();

    @Test
    void aRefusalOfOrderflowsKeepsItsStatusAndReason() {
        Response response = forRest.toResponse(wrapped(new TaskRefusedException(403, "Only finance settles")));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(detail(response)).isEqualTo("Only finance settles");
    }

    @Test
    void theSecondOfTwoUsersCompletingOneTaskAtOnceGetsAConflictNotA500() {
        Response response = forRest.toResponse(wrapped(new OptimisticLockingException("ENGINE-03005 concurrent update")));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(detail(response)).contains("at the same moment");
    }

    @Test
    void aTaskCompletedMeanwhileIsGoneNotAServerError() {
        Response response = forRest.toResponse(
                wrapped(new NullValueException("Cannot find task with id 42: task is null")));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(detail(response)).contains("completed it meanwhile");
    }

    @Test
    void anEngineConflictThrownDirectlyIsAConflictToo() {
        assertThat(forEngine.toResponse(new OptimisticLockingException("concurrent")).getStatus()).isEqualTo(409);
    }

    @Test
    void everyOtherNullValueOrEngineErrorKeepsCamundasAnswer() {
        assertThat(forRest.toResponse(wrapped(new NullValueException("processDefinitionId is null"))).getStatus())
                .isEqualTo(500);
        assertThat(forEngine.toResponse(new ProcessEngineException("broken")).getStatus()).isEqualTo(500);
    }

    private static RestException wrapped(Exception cause) {
        return new RestException(Status.INTERNAL_SERVER_ERROR, cause, "Cannot submit task form 42: " + cause.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static String detail(Response response) {
        return String.valueOf(((Map<String, Object>) response.getEntity()).get("detail"));
    }
}
