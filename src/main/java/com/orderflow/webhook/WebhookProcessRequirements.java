package com.orderflow.webhook;

import java.util.List;

import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessRequirement;
import com.orderflow.process.ProcessRequirements;

/** {@link WebhookOutbox} starts deliver-webhook by its key. */
@Component
class WebhookProcessRequirements implements ProcessRequirements {

    @Override
    public List<ProcessRequirement> requirements() {
        return List.of(new ProcessRequirement.Process(WebhookOutbox.PROCESS));
    }
}
