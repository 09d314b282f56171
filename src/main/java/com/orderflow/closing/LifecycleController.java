package com.orderflow.closing;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.closing.LifecycleRequests.ProcessStarted;
import com.orderflow.closing.LifecycleRequests.ReopenOrder;
import com.orderflow.closing.LifecycleRequests.RestoreRevision;
import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.order.OrderViewer;
import com.orderflow.order.OrderViews.OrderView;
import com.orderflow.shared.Actor;

/** Closing (结单), reopening (撤销结单), cancelling an order, and restoring one of its revisions. */
@RestController
@RequestMapping("/api/orders/{orderId}")
class LifecycleController {

    private final LifecycleProcesses processes;
    private final RevisionRestorer restorer;
    private final OrderViewer views;

    LifecycleController(LifecycleProcesses processes, RevisionRestorer restorer, OrderViewer views) {
        this.processes = processes;
        this.restorer = restorer;
        this.views = views;
    }

    @PostMapping("/close")
    ResponseEntity<ProcessStarted> close(@PathVariable Long orderId, Actor actor) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(processes.close(orderId, actor));
    }

    @PostMapping("/reopen")
    ResponseEntity<ProcessStarted> reopen(@PathVariable Long orderId, @Valid @RequestBody ReopenOrder body,
            Actor actor) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(processes.reopen(orderId, body.reason(), actor));
    }

    @PostMapping("/cancel")
    OrderView cancel(@PathVariable Long orderId, Actor actor) {
        return views.of(processes.cancel(orderId, actor));
    }

    @PostMapping("/revisions/{number}/restore")
    ResponseEntity<RequestView> restore(@PathVariable Long orderId, @PathVariable int number,
            @Valid @RequestBody(required = false) RestoreRevision body, Actor actor) {
        RequestView view = restorer.restore(orderId, number, body == null ? null : body.description(), actor);
        return ResponseEntity.created(URI.create("/api/modification-requests/" + view.id())).body(view);
    }
}
