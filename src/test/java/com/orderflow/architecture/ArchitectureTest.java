package com.orderflow.architecture;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.orderflow.OrderflowApplication;

/**
 * The modules are the top-level packages under {@code com.orderflow}; a module's own package is its
 * API and its sub-packages are its internals. Fails on a cycle between modules or on a module reaching
 * into another's internals.
 */
class ArchitectureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(OrderflowApplication.class);

    @Test
    void modulesFormNoCycleAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }
}
