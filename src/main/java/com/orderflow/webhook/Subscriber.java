package com.orderflow.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A system that is sent orderflow's events; its secret signs them and is never shown again. */
@Entity
@Table(name = "webhook_subscriber")
class Subscriber {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String url;
    private String secret;
    private String eventTypes;
    private boolean active;
    private String createdBy;
    private Instant createdAt;

    protected Subscriber() {
    }

    Subscriber(String url, String secret, List<String> eventTypes, boolean active, String createdBy,
            Instant createdAt) {
        this.url = url;
        this.secret = secret;
        this.eventTypes = String.join(",", eventTypes);
        this.active = active;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    boolean wants(String type) {
        return active && (eventTypes().contains(EventTypes.ALL) || eventTypes().contains(type));
    }

    void setActive(boolean active) {
        this.active = active;
    }

    Long getId() {
        return id;
    }

    String getUrl() {
        return url;
    }

    String getSecret() {
        return secret;
    }

    List<String> eventTypes() {
        return Arrays.asList(eventTypes.split(","));
    }

    boolean isActive() {
        return active;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
