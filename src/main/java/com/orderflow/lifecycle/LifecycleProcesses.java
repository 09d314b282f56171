package com.orderflow.lifecycle;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.lifecycle.LifecycleRequests.ProcessStarted;
import com.orderflow.order.OrderAccess;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.order.OrderStateException;
import com.orderflow.order.OrderStatus;
import com.orderflow.order.SalesOrder;
import com.orderflow.order.SalesOrderRepository;
import com.orderflow.process.AsSystem;
import com.orderflow.shared.Actor;
import com.orderflow.shared.AuditEntry;
import com.orderflow.shared.ConflictException;
import com.orderflow.shared.NotFoundException;

/**
 * What a user asks of an order's life: close it, reopen it, cancel it. Each first locks the order row,
 * so of two simultaneous requests (a double click) the second waits, then finds the first one's
 * process and is refused; one process per order at a time.
 */
@Service
public class LifecycleProcesses {

    private final SalesOrderRepository orders;
    private final OrderAccess access;
    private final OrderLifecycle lifecycle;
    private final RunningProcesses running;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final LifecycleInstances instances;
    private final LifecycleRequestRepository requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LifecycleProcesses(SalesOrderRepository orders, OrderAccess access, OrderLifecycle lifecycle,
            RunningProcesses running, RuntimeService runtime, IdentityService identity, LifecycleInstances instances,
            LifecycleRequestRepository requests, ApplicationEventPublisher events, Clock clock) {
        this.identity = identity;
        this.orders = orders;
        this.access = access;
        this.lifecycle = lifecycle;
        this.running = running;
        this.runtime = runtime;
        this.instances = instances;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ProcessStarted close(Long orderId, Actor actor) {
        SalesOrder order = lockChangeable(orderId, actor);
        requireNothingRunning(order);
        if (!order.getStatus().isEditable()) {
            throw new OrderStateException("Order " + order.getOrderNumber() + " is " + order.getStatus()
                    + "; only OPEN or REOPENED orders can be closed");
        }
        events.publishEvent(new AuditEntry(orderId, actor.userId(), "ORDER_CLOSE_REQUESTED", order.getOrderNumber(),
                null, null));
        return start(LifecycleKind.CLOSE, order, actor, null);
    }

    @Transactional
    public ProcessStarted reopen(Long orderId, String reason, Actor actor) {
        SalesOrder order = lockChangeable(orderId, actor);
        requireNothingRunning(order);
        if (order.getStatus() != OrderStatus.CLOSED) {
            throw new OrderStateException("Order " + order.getOrderNumber() + " is " + order.getStatus()
                    + "; only CLOSED orders can be reopened");
        }
        String why = reason.strip();
        events.publishEvent(new AuditEntry(orderId, actor.userId(), "ORDER_REOPEN_REQUESTED", why, null, null));
        return start(LifecycleKind.REOPEN, order, actor, why);
    }

    /** Cancels an OPEN or REOPENED order; it stays, with its whole history, as CANCELLED. */
    @Transactional
    public SalesOrder cancel(Long orderId, Actor actor) {
        SalesOrder order = lockChangeable(orderId, actor);
        requireNothingRunning(order);
        if (!order.getStatus().isEditable()) {
            throw new OrderStateException("Order " + order.getOrderNumber() + " is " + order.getStatus()
                    + "; only OPEN or REOPENED orders can be cancelled");
        }
        lifecycle.cancel(orderId, actor.userId());
        return access.readable(orderId, actor);
    }

    /** Row lock first, so everything read afterwards is what the lock holder sees. */
    private SalesOrder lockChangeable(Long orderId, Actor actor) {
        orders.lockById(orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
        return access.changeable(orderId, actor);
    }

    private void requireNothingRunning(SalesOrder order) {
        String key = running.lifecycleProcessOf(order.getOrderNumber());
        if (key != null) {
            throw new ConflictException("Order " + order.getOrderNumber() + " already has a running " + key
                    + " process; wait for it to finish");
        }
    }

    /**
     * Starts the process as orderflow, linked to a new {@link LifecycleRequest}. The variables are for
     * the forms, task names and Cockpit; the steps read the request instead.
     */
    private ProcessStarted start(LifecycleKind kind, SalesOrder order, Actor actor, String reason) {
        LifecycleRequest request = requests.save(new LifecycleRequest(order.getId(), kind, actor.userId(), reason,
                clock.instant()));
        Map<String, Object> variables = new HashMap<>();
        if (reason != null) {
            variables.put(LifecycleProcess.REASON, reason);
        }
        variables.put(LifecycleProcess.ORDER_ID, order.getId());
        variables.put(LifecycleProcess.ORDER_NUMBER, order.getOrderNumber());
        variables.put(LifecycleProcess.REQUESTER, actor.userId());
        variables.put(LifecycleProcess.OWNER, order.getOwner());
        var instance = instances.start(request, () -> AsSystem.call(identity,
                () -> runtime.startProcessInstanceByKey(kind.processKey(), order.getOrderNumber(), variables)));
        return new ProcessStarted(instance.getId(), kind.processKey(), order.getOrderNumber());
    }
}
