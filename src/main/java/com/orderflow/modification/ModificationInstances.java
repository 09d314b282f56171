package com.orderflow.modification;

import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessRequests;

/**
 * Which request an order-modification instance works on, found from the instance itself: the request
 * row keeps the id of the instance orderflow started for it. A {@code requestId} variable, which any
 * caller of /engine-rest might try to write, is never read for that.
 */
@Component
class ModificationInstances implements ProcessRequests {

    private final ModificationRequestRepository requests;

    ModificationInstances(ModificationRequestRepository requests) {
        this.requests = requests;
    }

    Long requestOf(DelegateExecution execution) {
        return requestOf(execution.getProcessInstanceId());
    }

    Long requestOf(DelegateTask task) {
        return requestOf(task.getProcessInstanceId());
    }

    Long requestOf(String processInstanceId) {
        return requests.findIdByProcessInstanceId(processInstanceId).orElseThrow(() -> new IllegalStateException(
                "Process instance " + processInstanceId + " is not the process of any modification request; "
                        + "only orderflow starts order-modification"));
    }

    @Override
    public Optional<String> requesterOf(String processInstanceId) {
        return requests.findRequesterByProcessInstanceId(processInstanceId);
    }

    @Override
    public Set<String> approvalTasks() {
        return Set.of(ModificationProcess.APPROVE_TASK, ModificationProcess.ESCALATED_APPROVAL_TASK);
    }
}
