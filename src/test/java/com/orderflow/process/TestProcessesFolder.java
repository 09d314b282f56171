package com.orderflow.process;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Test-only: lets an IT point POST /api/admin/processes/deploy at a copy of the processes folder,
 * the way an operator points {@code orderflow.processes.location} at the analysts' folder. Without an
 * override it is the configured folder, so every other test sees production behaviour.
 */
@Component
@Primary
public class TestProcessesFolder extends ProcessesFolder {

    private volatile String override;

    public TestProcessesFolder(ProcessesProperties properties) {
        super(properties);
    }

    public void use(String location) {
        this.override = location.endsWith("/") ? location : location + "/";
    }

    public void reset() {
        this.override = null;
    }

    @Override
    public String location() {
        String location = override;
        return location == null ? super.location() : location;
    }
}
