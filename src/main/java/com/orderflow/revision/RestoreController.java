package com.orderflow.revision;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Restoring an earlier revision of an order, listed with the order's lifecycle in the API's contract. */
@RestController
class RestoreController {

    public record RestoreRevision(@Size(max = 1900) String description) {
    }

    private final RevisionRestorer restorer;

    RestoreController(RevisionRestorer restorer) {
        this.restorer = restorer;
    }

    @Tag(name = "Order lifecycle")
    @Operation(operationId = "restoreRevision", summary = "Restore an earlier revision",
            description = "Files a `RESTORE` modification request whose changes lead back to that revision; sales "
                    + "managers approve it. History is never rewritten: the order moves forward to a new revision.")
    @ApiResponse(responseCode = "201", description = "The restore request, filed", useReturnTypeSchema = true)
    @PostMapping("/api/orders/{orderId}/revisions/{number}/restore")
    ResponseEntity<RequestView> restore(@PathVariable Long orderId, @PathVariable int number,
            @Valid @RequestBody(required = false) RestoreRevision body, Actor actor) {
        RequestView view = restorer.restore(orderId, number, body == null ? null : body.description(), actor);
        return ResponseEntity.created(URI.create("/api/modification-requests/" + view.id())).body(view);
    }
}
