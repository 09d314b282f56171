package com.orderflow.webhook;

import java.util.List;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@Tag(name = "Webhooks", description = "Subscribers of orderflow's outbound events (CloudEvents 1.0, signed with "
        + "HMAC-SHA256) and the attempts to deliver them; admins only.")
class WebhookController {

    private final WebhookAdmin admin;

    WebhookController(WebhookAdmin admin) {
        this.admin = admin;
    }

    @Operation(operationId = "registerWebhook", summary = "Register a subscriber",
            description = "An http(s) URL, a secret to sign with (never returned), the event types (or \"*\") and "
                    + "whether it is active. Loopback, private and link-local addresses are refused unless allowed.")
    @ApiResponse(responseCode = "201", description = "The subscriber, without its secret")
    @PostMapping("/api/admin/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    SubscriberView register(@Valid @RequestBody NewSubscriber request, Actor actor) {
        requireAdmin(actor);
        return admin.register(request, actor.userId());
    }

    @Operation(operationId = "listWebhooks", summary = "List the subscribers",
            description = "Every subscriber, active or not, without secrets.")
    @GetMapping("/api/admin/webhooks")
    List<SubscriberView> all(Actor actor) {
        requireAdmin(actor);
        return admin.all();
    }

    @Operation(operationId = "getWebhook", summary = "Read a subscriber", description = "One subscriber, without its secret.")
    @GetMapping("/api/admin/webhooks/{id}")
    SubscriberView one(@PathVariable long id, Actor actor) {
        requireAdmin(actor);
        return admin.one(id);
    }

    @Operation(operationId = "deactivateWebhook", summary = "Deactivate a subscriber",
            description = "The subscriber gets no further events; its pending deliveries are cancelled.")
    @DeleteMapping("/api/admin/webhooks/{id}")
    SubscriberView deactivate(@PathVariable long id, Actor actor) {
        requireAdmin(actor);
        return admin.deactivate(id);
    }

    @Operation(operationId = "listWebhookDeliveries", summary = "List a subscriber's deliveries",
            description = "The newest deliveries to the subscriber, each with every attempt (status, error, time).")
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
