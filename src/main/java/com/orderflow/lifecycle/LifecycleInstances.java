package com.orderflow.lifecycle;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessRequests;

/**
 * Links closing and reopening instances to their {@link LifecycleRequest}. orderflow starts an
 * instance inside {@link #start}, and the diagram's start event binds it
 * ({@link BindLifecycleRequestListener}): only an instance started that way, on this thread,
 * gets a request, so one started any other way (over /engine-rest, say) has none and does nothing.
 * Every step then finds its request from the instance id.
 */
@Component
public class LifecycleInstances implements ProcessRequests {

    private final LifecycleRequestRepository requests;
    private final ThreadLocal<LifecycleRequest> starting = new ThreadLocal<>();

    LifecycleInstances(LifecycleRequestRepository requests) {
        this.requests = requests;
    }

    ProcessInstance start(LifecycleRequest request, Supplier<ProcessInstance> startInstance) {
        starting.set(request);
        try {
            return startInstance.get();
        } finally {
            starting.remove();
        }
    }

    /** The start event's listener: the instance being started here is the work of this request. */
    void bind(DelegateExecution execution) {
        LifecycleRequest request = starting.get();
        if (request == null) {
            throw new IllegalStateException("Only orderflow starts " + execution.getProcessDefinitionId().split(":")[0]
                    + ", through its API; this instance belongs to no request");
        }
        request.startedAs(execution.getProcessInstanceId());
    }

    /** The order of the request an instance belongs to, for the steps kept in lifecycle's sub-packages. */
    public Long orderIdOf(DelegateExecution execution) {
        return of(execution).getOrderId();
    }

    LifecycleRequest of(DelegateExecution execution) {
        return of(execution.getProcessInstanceId());
    }

    LifecycleRequest of(String processInstanceId) {
        LifecycleRequest current = starting.get();
        if (current != null && processInstanceId.equals(current.getProcessInstanceId())) {
            return current;
        }
        return requests.findByProcessInstanceId(processInstanceId).orElseThrow(() -> new IllegalStateException(
                "Process instance " + processInstanceId + " is not the closing or reopening of any request; "
                        + "only orderflow starts them"));
    }

    @Override
    public Optional<String> requesterOf(String processInstanceId) {
        return requests.findByProcessInstanceId(processInstanceId).map(LifecycleRequest::getRequester);
    }

    @Override
    public Set<String> approvalTasks() {
        return Set.of(LifecycleProcess.APPROVE_REOPENING_TASK);
    }
}
