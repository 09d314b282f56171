package com.orderflow.modification;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.shared.LogContext;
import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.modification.ModificationViews.ResubmitRequest;
import com.orderflow.modification.ModificationViews.SubmitRequest;
import com.orderflow.order.OrderAccess;
import com.orderflow.order.OrderStateException;
import com.orderflow.order.OrderStatus;
import com.orderflow.order.SalesOrder;
import com.orderflow.process.AsSystem;
import com.orderflow.shared.Actor;
import com.orderflow.shared.AuditEntry;
import com.orderflow.shared.NotFoundException;

/**
 * What a sales rep does with modification requests: file one, follow it, resubmit it after a
 * rejection or conflict, or withdraw it. Each runs in one transaction with the process engine,
 * so a request is never saved without its process, nor the other way round.
 */
@Service
public class ModificationService {

    private static final Logger log = LoggerFactory.getLogger(ModificationService.class);

    private final ModificationRequestRepository requests;
    private final OrderAccess access;
    private final ChangeSets changeSets;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectMapper json;

    ModificationService(ModificationRequestRepository requests, OrderAccess access, ChangeSets changeSets,
            RuntimeService runtime, TaskService tasks, IdentityService identity, ApplicationEventPublisher events,
            Clock clock, ObjectMapper json) {
        this.identity = identity;
        this.requests = requests;
        this.access = access;
        this.changeSets = changeSets;
        this.runtime = runtime;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    @Transactional
    public RequestView submit(Long orderId, SubmitRequest body, Actor actor) {
        SalesOrder order = access.changeable(orderId, actor);
        if (order.getStatus() == OrderStatus.CANCELLED) {
            throw new OrderStateException("Order " + order.getOrderNumber() + " is cancelled and cannot be changed");
        }
        List<FieldChange> changes = changeSets.diff(order, body.changes());
        ModificationRequest request = requests.saveAndFlush(new ModificationRequest(orderId, actor.userId(),
                body.reason(), body.description(), order.getVersion(), changes, clock.instant()));
        // The request has an id only now: the rest of filing logs with it, as every step of its process will.
        try (LogContext.Scope logs = LogContext.ofRequest(order.getOrderNumber(), "modification", request.getId())
                .open()) {
            events.publishEvent(new AuditEntry(orderId, actor.userId(), "MODIFICATION_REQUESTED",
                    "request " + request.getId(), null, changeSets.summary(changes)));
            // orderflow starts the process itself, after the checks above (users may not start it). The start
            // is asynchronous, so the link below is stored before any step runs; the steps read the request
            // from it. The variables are for the forms, task names and Cockpit.
            var instance = AsSystem.call(identity, () -> runtime.startProcessInstanceByKey(
                    ModificationProcess.KEY, order.getOrderNumber(),
                    Map.of(ModificationProcess.REQUEST_ID, request.getId(), ModificationProcess.ORDER_ID, orderId,
                            ModificationProcess.ORDER_NUMBER, order.getOrderNumber(),
                            ModificationProcess.REQUESTER, actor.userId())));
            request.startedAs(instance.getId());
            log.info("Filed request {} for order {} by {}: {} change(s)", request.getId(), order.getOrderNumber(),
                    actor.userId(), changes.size());
            return view(request);
        }
    }

    @Transactional(readOnly = true)
    public RequestView find(Long id, Actor actor) {
        ModificationRequest request = load(id);
        access.checkReadable(request.getOrderId(), actor);
        return view(request);
    }

    @Transactional(readOnly = true)
    public List<RequestView> forOrder(Long orderId, Actor actor) {
        access.checkReadable(orderId, actor);
        return requests.findByOrderIdOrderByIdDesc(orderId).stream().map(this::view).toList();
    }

    /** After a rejection or a conflict: new changes against the order as it is now, approved afresh. */
    @Transactional
    public RequestView resubmit(Long id, ResubmitRequest body, Actor actor) {
        ModificationRequest request = ownRequest(id, actor);
        Task task = pendingRequesterTask(request);
        SalesOrder order = access.changeable(request.getOrderId(), actor);
        request.resubmit(changeSets.diff(order, body.changes()), order.getVersion(), body.description(),
                clock.instant());
        events.publishEvent(new AuditEntry(request.getOrderId(), actor.userId(), "MODIFICATION_RESUBMITTED",
                "request " + id, null, changeSets.summary(request.getChanges())));
        requests.flush();
        tasks.complete(task.getId(), Map.of(ModificationProcess.RESUBMIT, true));
        return view(request);
    }

    @Transactional
    public RequestView withdraw(Long id, Actor actor) {
        ModificationRequest request = ownRequest(id, actor);
        request.withdraw(clock.instant());
        events.publishEvent(new AuditEntry(request.getOrderId(), actor.userId(), "MODIFICATION_WITHDRAWN",
                "request " + id, null, null));
        // Ending the instance is orderflow's doing: the requester may see neither it nor its approval tasks.
        AsSystem.run(identity, () -> endProcess(request, actor));
        return view(request);
    }

    /** The requester's task takes the withdrawal; otherwise (still in approval) the instance is deleted. */
    private void endProcess(ModificationRequest request, Actor actor) {
        Task task = tasks.createTaskQuery().processInstanceId(request.getProcessInstanceId())
                .taskDefinitionKeyIn(ModificationProcess.REVISE_REQUEST_TASK, ModificationProcess.RESOLVE_CONFLICT_TASK)
                .singleResult();
        if (task != null) {
            tasks.complete(task.getId(), Map.of(ModificationProcess.RESUBMIT, false));
        } else if (runtime.createProcessInstanceQuery().processInstanceId(request.getProcessInstanceId())
                .count() > 0) {
            runtime.deleteProcessInstance(request.getProcessInstanceId(), "Withdrawn by " + actor.userId());
        }
    }

    private ModificationRequest ownRequest(Long id, Actor actor) {
        ModificationRequest request = load(id);
        access.checkReadable(request.getOrderId(), actor);
        if (!request.getRequester().equals(actor.userId()) && !actor.isMemberOf(Actor.ADMINS)) {
            throw new AccessDeniedException("Only the requester may resubmit or withdraw request " + id);
        }
        return request;
    }

    private Task pendingRequesterTask(ModificationRequest request) {
        Task task = tasks.createTaskQuery().processInstanceId(request.getProcessInstanceId())
                .taskDefinitionKeyIn(ModificationProcess.REVISE_REQUEST_TASK, ModificationProcess.RESOLVE_CONFLICT_TASK)
                .singleResult();
        if (task == null) {
            throw new OrderStateException("Request " + request.getId() + " is " + request.getStatus()
                    + " and not waiting for a resubmission");
        }
        return task;
    }

    private RequestView view(ModificationRequest request) {
        return RequestView.of(request, json);
    }

    private ModificationRequest load(Long id) {
        return requests.findById(id).orElseThrow(() -> new NotFoundException("Modification request", id));
    }
}
