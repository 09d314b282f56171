package com.orderflow.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.shared.InvalidFieldException;
import com.orderflow.shared.NotFoundException;
import com.orderflow.webhook.WebhookRequests.AttemptView;
import com.orderflow.webhook.WebhookRequests.DeliveryView;
import com.orderflow.webhook.WebhookRequests.NewSubscriber;
import com.orderflow.webhook.WebhookRequests.SubscriberView;

/** Registering subscribers and showing what was sent to them. Callers have checked the admin. */
@Service
class WebhookAdmin {

    /** The newest deliveries shown; older ones stay in the outbox. */
    private static final int SHOWN = 500;

    private final SubscriberRepository subscribers;
    private final WebhookUrls urls;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    WebhookAdmin(SubscriberRepository subscribers, WebhookUrls urls, JdbcTemplate jdbc, Clock clock) {
        this.subscribers = subscribers;
        this.urls = urls;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    SubscriberView register(NewSubscriber request, String admin) {
        urls.check(request.url());
        for (String type : request.eventTypes()) {
            if (!EventTypes.isSubscribable(type)) {
                throw new InvalidFieldException("eventTypes", "eventTypes: " + type
                        + " is not an event type; use * or one of " + EventTypes.known().stream().sorted().toList());
            }
        }
        List<String> types = request.eventTypes().contains(EventTypes.ALL) ? List.of(EventTypes.ALL)
                : request.eventTypes().stream().distinct().toList();
        return SubscriberView.of(subscribers.save(new Subscriber(request.url(), request.secret(), types,
                request.active(), admin, clock.instant())));
    }

    /** Deactivates: nothing new is written for it, and what is pending is cancelled rather than sent. */
    @Transactional
    SubscriberView deactivate(long id) {
        Subscriber subscriber = find(id);
        subscriber.setActive(false);
        return SubscriberView.of(subscriber);
    }

    @Transactional(readOnly = true)
    List<SubscriberView> all() {
        return subscribers.findAllByOrderByIdAsc().stream().map(SubscriberView::of).toList();
    }

    @Transactional(readOnly = true)
    SubscriberView one(long id) {
        return SubscriberView.of(find(id));
    }

    /** The newest deliveries first, each with its attempts in the order they were made. */
    @Transactional(readOnly = true)
    List<DeliveryView> deliveries(long id) {
        find(id);
        Map<Long, DeliveryView> views = new LinkedHashMap<>();
        jdbc.query("""
                select id, event_id, event_type, subject, status, created_at, delivered_at from webhook_delivery
                where subscriber_id = ? order by id desc limit ?""", rs -> {
            views.put(rs.getLong("id"), new DeliveryView(rs.getLong("id"),
                    rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                    rs.getString("subject"), rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("delivered_at") == null ? null : rs.getTimestamp("delivered_at").toInstant(),
                    new ArrayList<>()));
        }, id, SHOWN);
        if (!views.isEmpty()) {
            jdbc.query("""
                    select a.delivery_id, a.attempted_at, a.status_code, a.error from webhook_attempt a
                    join webhook_delivery d on d.id = a.delivery_id where d.subscriber_id = ? and d.id >= ?
                    order by a.id""", rs -> {
                DeliveryView view = views.get(rs.getLong("delivery_id"));
                if (view != null) {
                    view.attempts().add(new AttemptView(rs.getTimestamp("attempted_at").toInstant(),
                            (Integer) rs.getObject("status_code"), rs.getString("error")));
                }
            }, id, views.keySet().stream().mapToLong(Long::longValue).min().orElseThrow());
        }
        return List.copyOf(views.values());
    }

    private Subscriber find(long id) {
        return subscribers.findById(id).orElseThrow(() -> new NotFoundException("Webhook subscriber", id));
    }
}
