package com.orderflow.lifecycle;

import com.orderflow.process.ProcessKeys;

/** The two lifecycle processes a user asks for, each its own diagram. */
enum LifecycleKind {
    CLOSE(ProcessKeys.ORDER_CLOSING), REOPEN(ProcessKeys.ORDER_REOPENING);

    private final String processKey;

    LifecycleKind(String processKey) {
        this.processKey = processKey;
    }

    String processKey() {
        return processKey;
    }
}
