package com.orderflow.process;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The requester of any orderflow process instance, whichever feature started it. */
@Component
public class Requesters {

    private final List<ProcessRequests> features;

    Requesters(List<ProcessRequests> features) {
        this.features = features;
    }

    public Optional<String> of(String processInstanceId) {
        for (ProcessRequests feature : features) {
            Optional<String> requester = feature.requesterOf(processInstanceId);
            if (requester.isPresent()) {
                return requester;
            }
        }
        return Optional.empty();
    }
}
