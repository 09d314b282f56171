package com.orderflow.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.stereotype.Component;

import com.orderflow.shared.InvalidFieldException;

/**
 * Makes one attempt: POSTs the stored body, signed, and says what came back. It never throws for the
 * subscriber's sake; a job thread waits at most the timeouts (a receiver that takes the connection and
 * never answers must not hold it). Redirects are not followed: they could lead anywhere.
 */
@Component
class WebhookSender {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final WebhookUrls urls;

    WebhookSender(WebhookUrls urls) {
        this.urls = urls;
    }

    SendOutcome send(Subscriber subscriber, Delivery delivery) {
        URI target;
        try {
            target = urls.check(subscriber.getUrl());
        } catch (InvalidFieldException refused) {
            return SendOutcome.failed(refused.getMessage());
        }
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                .header("Content-Type", CONTENT_TYPE)
                .header(Signatures.HEADER, Signatures.sign(subscriber.getSecret(), body))
                .header("User-Agent", "orderflow-webhooks")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return SendOutcome.answered(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            String message = e.getMessage() == null ? "" : ": " + e.getMessage();
            return SendOutcome.failed(e.getClass().getSimpleName() + message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.failed("interrupted");
        }
    }
}
