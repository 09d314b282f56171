package com.orderflow.process;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Runs a user's action again when the engine found its instance changed by a step running at the same
 * moment (a job sending the email of the previous step, say), as Camunda advises: the action is one
 * transaction, so trying it again is safe. PostgreSQL's own word for the same clash counts too: when
 * the action and a job lock the instance's rows in opposite order, PostgreSQL ends one of them with a
 * deadlock (or, under stricter isolation, a serialization failure), and retrying the transaction is what
 * its manual prescribes. After the last attempt the exception goes to the caller.
 */
public final class ConcurrentUpdates {

    private static final int ATTEMPTS = 3;

    /** deadlock_detected and serialization_failure. */
    private static final Set<String> RETRYABLE_SQL_STATES = Set.of("40P01", "40001");

    private ConcurrentUpdates() {
    }

    public static <T> T retry(Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !concurrent(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean concurrent(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingException) {
                return true;
            }
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (RETRYABLE_SQL_STATES.contains(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }
}
