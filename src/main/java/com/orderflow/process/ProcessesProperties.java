package com.orderflow.process;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the analysts' folder is read from: {@code classpath:processes/} (packed into the jar) by default,
 * or a folder on disk such as {@code file:./processes/}.
 */
@ConfigurationProperties("orderflow.processes")
public record ProcessesProperties(String location) {

    public ProcessesProperties {
        if (location == null || location.isBlank()) {
            location = "classpath:processes/";
        }
        if (!location.endsWith("/")) {
            location = location + "/";
        }
    }
}
