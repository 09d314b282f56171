package com.orderflow.process;

import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Runs a user's action again when the engine found its instance changed by a step running at the same
 * moment (a job sending the email of the previous step, say), as Camunda advises: the action is one
 * transaction, so trying it again is safe. After the last attempt the exception goes to the caller (409).
 */
public final class ConcurrentUpdates {

    private static final int ATTEMPTS = 3;

    private ConcurrentUpdates() {
    }

    public static <T> T retry(Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (OptimisticLockingException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }
}
