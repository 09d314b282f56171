package com.orderflow.lifecycle;

/** The two lifecycle processes a user asks for, each its own diagram. */
enum LifecycleKind {
    CLOSE(LifecycleProcess.CLOSING_KEY), REOPEN(LifecycleProcess.REOPENING_KEY);

    private final String processKey;

    LifecycleKind(String processKey) {
        this.processKey = processKey;
    }

    String processKey() {
        return processKey;
    }
}
