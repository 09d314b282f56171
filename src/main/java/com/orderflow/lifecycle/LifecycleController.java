package com.orderflow.lifecycle;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.lifecycle.LifecycleRequests.ProcessStarted;
import com.orderflow.lifecycle.LifecycleRequests.ReopenOrder;
import com.orderflow.order.OrderViewer;
import com.orderflow.order.OrderViews.OrderView;
import com.orderflow.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Closing (结单), reopening (撤销结单) and cancelling an order; restoring a revision is revision's. */
@RestController
@RequestMapping("/api/orders/{orderId}")
@Tag(name = "Order lifecycle", description = "Closing, reopening, cancelling an order and restoring an earlier "
        + "revision; each closing or reopening runs as a process.")
class LifecycleController {

    private final LifecycleProcesses processes;
    private final OrderViewer views;

    LifecycleController(LifecycleProcesses processes, OrderViewer views) {
        this.processes = processes;
        this.views = views;
    }

    @Operation(operationId = "closeOrder", summary = "Close an order",
            description = "Starts the closing process: it checks deliveries and invoices, asks the owner to fix "
                    + "what fails, then closes and locks the order. Starting it twice answers 409.")
    @ApiResponse(responseCode = "202", description = "The closing process, started", useReturnTypeSchema = true)
    @PostMapping("/close")
    ResponseEntity<ProcessStarted> close(@PathVariable Long orderId, Actor actor) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(processes.close(orderId, actor));
    }

    @Operation(operationId = "reopenOrder", summary = "Ask to reopen a closed order",
            description = "Starts the reopening process with a reason; an admin other than the requester approves "
                    + "it in Tasklist.")
    @ApiResponse(responseCode = "202", description = "The reopening process, started", useReturnTypeSchema = true)
    @PostMapping("/reopen")
    ResponseEntity<ProcessStarted> reopen(@PathVariable Long orderId, @Valid @RequestBody ReopenOrder body,
            Actor actor) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(processes.reopen(orderId, body.reason(), actor));
    }

    @Operation(operationId = "cancelOrder", summary = "Cancel an order",
            description = "Cancels an open or reopened order; the order and its history stay.")
    @PostMapping("/cancel")
    OrderView cancel(@PathVariable Long orderId, Actor actor) {
        return views.of(processes.cancel(orderId, actor));
    }
}
