package com.orderflow.lifecycle;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import com.orderflow.process.AsSystem;

/**
 * Whether a closing or reopening is already under way for an order (business key = order number).
 * Asked as the system: the engine would hide another user's instances from a sales rep.
 */
@Component
class RunningProcesses {

    private final RuntimeService runtime;
    private final IdentityService identity;

    RunningProcesses(RuntimeService runtime, IdentityService identity) {
        this.runtime = runtime;
        this.identity = identity;
    }

    /** The key of a running closing or reopening of this order, or null. */
    String lifecycleProcessOf(String orderNumber) {
        var running = AsSystem.call(identity, () -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(orderNumber)
                .processDefinitionKeyIn(LifecycleProcess.CLOSING_KEY, LifecycleProcess.REOPENING_KEY).list());
        return running.isEmpty() ? null : running.get(0).getProcessDefinitionId().split(":")[0];
    }
}
