package com.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;

class ConcurrentUpdatesTest {

    private static final String PERSISTENCE = "An exception occurred in the persistence layer";

    @Test
    void anOptimisticLockingClashIsTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        String result = ConcurrentUpdates.retry(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new OptimisticLockingException("instance changed");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(2);
    }

    /** As the engine reports it: the deadlock is the next exception of a batch update, three causes down. */
    @Test
    void aDeadlockPostgreSqlEndedIsTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        String result = ConcurrentUpdates.retry(() -> {
            if (calls.incrementAndGet() < 3) {
                throw deadlock();
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void afterThreeAttemptsTheClashGoesToTheCaller() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> ConcurrentUpdates.retry(() -> {
            calls.incrementAndGet();
            throw deadlock();
        })).isInstanceOf(ProcessEnginePersistenceException.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void anyOtherFailureIsNotTriedAgain() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> ConcurrentUpdates.retry(() -> {
            calls.incrementAndGet();
            throw new ProcessEnginePersistenceException(PERSISTENCE, new ProcessEngineException("unique key",
                    new SQLException("duplicate key", "23505")));
        })).isInstanceOf(ProcessEnginePersistenceException.class);
        assertThat(calls).hasValue(1);
    }

    private static RuntimeException deadlock() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "40P01", new int[0]);
        batch.setNextException(new SQLException("ERROR: deadlock detected", "40P01"));
        return new ProcessEnginePersistenceException(PERSISTENCE, new ProcessEngineException("ENGINE-03004", batch));
    }
}
