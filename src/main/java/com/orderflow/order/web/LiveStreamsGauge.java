package com.orderflow.order.web;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** {@code orderflow.portal.live.streams}: the live order pages open on this node. */
@Component
class LiveStreamsGauge implements MeterBinder {

    private final LiveOrderEvents events;

    LiveStreamsGauge(LiveOrderEvents events) {
        this.events = events;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("orderflow.portal.live.streams", events, LiveOrderEvents::openStreams)
                .description("Live order pages (Server-Sent Events streams) open on this node").register(registry);
    }
}
