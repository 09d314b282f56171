package com.orderflow.webhook;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.shared.Actor;
import com.orderflow.webhook.WebhookRequests.DeliveryView;
import com.orderflow.webhook.WebhookRequests.NewSubscriber;
import com.orderflow.webhook.WebhookRequests.SubscriberView;

/** Subscribers of outbound events, for admins only. */
@RestController
class WebhookController {

    private final WebhookAdmin admin;

    WebhookController(WebhookAdmin admin) {
        this.admin = admin;
    }

    @PostMapping("/api/admin/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    SubscriberView register(@Valid @RequestBody NewSubscriber request, Actor actor) {
        requireAdmin(actor);
        return admin.register(request, actor.userId());
    }

    @GetMapping("/api/admin/webhooks")
    List<SubscriberView> all(Actor actor) {
        requireAdmin(actor);
        return admin.all();
    }

    @GetMapping("/api/admin/webhooks/{id}")
    SubscriberView one(@PathVariable long id, Actor actor) {
        requireAdmin(actor);
        return admin.one(id);
    }

    @DeleteMapping("/api/admin/webhooks/{id}")
    SubscriberView deactivate(@PathVariable long id, Actor actor) {
        requireAdmin(actor);
        return admin.deactivate(id);
    }

    @GetMapping("/api/admin/webhooks/{id}/deliveries")
    List<DeliveryView> deliveries(@PathVariable long id, Actor actor) {
        requireAdmin(actor);
        return admin.deliveries(id);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isMemberOf(Actor.ADMINS)) {
            throw new AccessDeniedException("Only admins manage webhook subscribers");
        }
    }
}
