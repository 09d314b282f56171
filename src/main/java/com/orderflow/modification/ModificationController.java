package com.orderflow.modification;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.modification.ModificationViews.ResubmitRequest;
import com.orderflow.modification.ModificationViews.SubmitRequest;
import com.orderflow.process.ConcurrentUpdates;
import com.orderflow.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Modification requests", description = "Changing an order after it was closed (or any order through "
        + "approvals): requests, their approvals and their outcome.")
class ModificationController {

    private final ModificationService modifications;

    ModificationController(ModificationService modifications) {
        this.modifications = modifications;
    }

    @Operation(operationId = "submitModificationRequest", summary = "File a modification request",
            description = "Saves the request and answers at once with status `SUBMITTED`; its approval process "
                    + "starts a moment later, decides which groups approve and, once all have, applies the changes. "
                    + "An unknown field, an unchanged value or a cancelled order is refused and nothing starts.")
    @ApiResponse(responseCode = "201", description = "The request, filed", useReturnTypeSchema = true)
    @PostMapping("/api/orders/{orderId}/modification-requests")
    ResponseEntity<RequestView> submit(@PathVariable Long orderId, @Valid @RequestBody SubmitRequest body,
            Actor actor) {
        RequestView view = modifications.submit(orderId, body, actor);
        return ResponseEntity.created(URI.create("/api/modification-requests/" + view.id())).body(view);
    }

    @Operation(operationId = "listModificationRequests", summary = "List an order's modification requests",
            description = "Every modification request of the order with its status and approvals.")
    @GetMapping("/api/orders/{orderId}/modification-requests")
    List<RequestView> forOrder(@PathVariable Long orderId, Actor actor) {
        return modifications.forOrder(orderId, actor);
    }

    @Operation(operationId = "getModificationRequest", summary = "Read a modification request",
            description = "The status, field changes, required approvals and every decision (group, user, decision, "
                    + "comment, time).")
    @GetMapping("/api/modification-requests/{id}")
    RequestView get(@PathVariable Long id, Actor actor) {
        return modifications.find(id, actor);
    }

    @Operation(operationId = "resubmitModificationRequest", summary = "Resubmit a rejected request",
            description = "The requester sends new changes for a rejected request; a new round of approvals starts.")
    @PostMapping("/api/modification-requests/{id}/resubmit")
    RequestView resubmit(@PathVariable Long id, @Valid @RequestBody ResubmitRequest body, Actor actor) {
        return modifications.resubmit(id, body, actor);
    }

    @Operation(operationId = "withdrawModificationRequest", summary = "Withdraw a request",
            description = "The requester withdraws a request that is not yet applied; its process ends and nothing "
                    + "changes.")
    @PostMapping("/api/modification-requests/{id}/withdraw")
    RequestView withdraw(@PathVariable Long id, Actor actor) {
        return ConcurrentUpdates.retry(() -> modifications.withdraw(id, actor));
    }
}
