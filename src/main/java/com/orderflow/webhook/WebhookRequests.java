package com.orderflow.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the webhook endpoints take and give; no view carries the secret. */
final class WebhookRequests {

    private WebhookRequests() {
    }

    record NewSubscriber(@NotBlank @Size(max = 2000) String url,
            @NotNull @Size(min = 16, max = 200, message = "must be 16 to 200 characters") String secret,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> eventTypes,
            @NotNull Boolean active) {
    }

    record SubscriberView(long id, String url, List<String> eventTypes, boolean active, String createdBy,
            Instant createdAt) {

        static SubscriberView of(Subscriber s) {
            return new SubscriberView(s.getId(), s.getUrl(), s.eventTypes(), s.isActive(), s.getCreatedBy(),
                    s.getCreatedAt());
        }
    }

    record AttemptView(Instant attemptedAt, Integer statusCode, String error) {
    }

    record DeliveryView(long id, UUID eventId, String type, String subject, String status, Instant createdAt,
            Instant deliveredAt, List<AttemptView> attempts) {
    }
}
