package com.orderflow.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request and response bodies of closing, reopening and cancelling an order. */
public final class LifecycleRequests {

    private LifecycleRequests() {
    }

    public record ReopenOrder(@NotBlank @Size(max = 2000) String reason) {
    }

    public record ProcessStarted(String processInstanceId, String processDefinitionKey, String businessKey) {
    }
}
