package com.orderflow.process;

import org.springframework.stereotype.Component;

/** The folder that POST /api/admin/processes/deploy reads: {@code orderflow.processes.location}. */
@Component
public class ProcessesFolder {

    private final ProcessesProperties properties;

    public ProcessesFolder(ProcessesProperties properties) {
        this.properties = properties;
    }

    public String location() {
        return properties.location();
    }
}
