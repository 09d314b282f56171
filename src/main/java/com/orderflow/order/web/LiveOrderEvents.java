package com.orderflow.order.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live order pages: each open page holds a Server-Sent Events stream; once a second the state of
 * every watched order (status, revision, its requests) is read from the database, all of them in one
 * statement ({@link LiveStates}), and sent to the pages whose order changed. Reading the database rather than listening to in-process events keeps it right when the
 * job executor applies a change on another node of the cluster.
 */
@Component
class LiveOrderEvents {

    private static final Logger log = LoggerFactory.getLogger(LiveOrderEvents.class);
    private static final long TIMEOUT_MILLIS = Duration.ofMinutes(30).toMillis();
    private static final int HEARTBEAT_TICKS = 15;

    private final LiveStates states;
    private final Map<Long, List<SseEmitter>> watchers = new ConcurrentHashMap<>();
    private final Map<Long, String> lastSent = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "portal-live-orders");
        thread.setDaemon(true);
        return thread;
    });
    private int ticks;

    @Autowired
    LiveOrderEvents(LiveStates states) {
        this(states, true);
    }

    /** Without the poller, for a test that runs the ticks itself. */
    LiveOrderEvents(LiveStates states, boolean poll) {
        this.states = states;
        if (poll) {
            poller.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    SseEmitter watch(Long orderId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        watchers.computeIfAbsent(orderId, id -> new CopyOnWriteArrayList<>()).add(emitter);
        Runnable remove = () -> forget(orderId, emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        String state = states.read(orderId);
        lastSent.putIfAbsent(orderId, state);
        send(orderId, emitter, state);
        return emitter;
    }

    /** Streams open now, on this node (a gauge of the portal's load). */
    int openStreams() {
        return watchers.values().stream().mapToInt(List::size).sum();
    }

    /** One statement for every watched order, then each page that changed gets its new state. */
    void tick() {
        boolean heartbeat = ++ticks % HEARTBEAT_TICKS == 0;
        Map<Long, String> current;
        try {
            current = states.read(List.copyOf(watchers.keySet()));
        } catch (RuntimeException e) {
            log.warn("Live states of {} orders not readable: {}", watchers.size(), e.toString());
            return;
        }
        for (Long orderId : watchers.keySet()) {
            String state = current.getOrDefault(orderId, "{}");
            if (!state.equals(lastSent.put(orderId, state))) {
                watchers.getOrDefault(orderId, List.of()).forEach(e -> send(orderId, e, state));
            } else if (heartbeat) {
                watchers.getOrDefault(orderId, List.of()).forEach(e -> ping(orderId, e));
            }
        }
    }

    private void send(Long orderId, SseEmitter emitter, String state) {
        try {
            emitter.send(SseEmitter.event().name("state").data(state, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            forget(orderId, emitter);
        }
    }

    private void ping(Long orderId, SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().comment("keep-alive"));
        } catch (IOException | IllegalStateException e) {
            forget(orderId, emitter);
        }
    }

    private void forget(Long orderId, SseEmitter emitter) {
        watchers.computeIfPresent(orderId, (id, list) -> {
            list.remove(emitter);
            return list.isEmpty() ? null : list;
        });
        if (!watchers.containsKey(orderId)) {
            lastSent.remove(orderId);
        }
    }

    /**
     * Ends the open streams as soon as the application starts closing: a graceful web-server shutdown
     * would otherwise wait for these never-ending responses until its timeout.
     */
    @EventListener(ContextClosedEvent.class)
    void stop() {
        poller.shutdownNow();
        watchers.values().forEach(list -> list.forEach(SseEmitter::complete));
        watchers.clear();
    }
}
