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
import com.orderflow.shared.Actor;

@RestController
class ModificationController {

    private final ModificationService modifications;

    ModificationController(ModificationService modifications) {
        this.modifications = modifications;
    }

    @PostMapping("/api/orders/{orderId}/modification-requests")
    ResponseEntity<RequestView> submit(@PathVariable Long orderId, @Valid @RequestBody SubmitRequest body,
            Actor actor) {
        RequestView view = modifications.submit(orderId, body, actor);
        return ResponseEntity.created(URI.create("/api/modification-requests/" + view.id())).body(view);
    }

    @GetMapping("/api/orders/{orderId}/modification-requests")
    List<RequestView> forOrder(@PathVariable Long orderId, Actor actor) {
        return modifications.forOrder(orderId, actor);
    }

    @GetMapping("/api/modification-requests/{id}")
    RequestView get(@PathVariable Long id, Actor actor) {
        return modifications.find(id, actor);
    }

    @PostMapping("/api/modification-requests/{id}/resubmit")
    RequestView resubmit(@PathVariable Long id, @Valid @RequestBody ResubmitRequest body, Actor actor) {
        return modifications.resubmit(id, body, actor);
    }

    @PostMapping("/api/modification-requests/{id}/withdraw")
    RequestView withdraw(@PathVariable Long id, Actor actor) {
        return modifications.withdraw(id, actor);
    }
}
