package com.orderflow.order.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.orderflow.order.OrderDetailsReader;
import com.orderflow.shared.Actor;

/** The Server-Sent Events stream an open order page listens to. */
@RestController
class OrderEventsController {

    private final LiveOrderEvents live;
    private final OrderDetailsReader orders;

    OrderEventsController(LiveOrderEvents live, OrderDetailsReader orders) {
        this.live = live;
        this.orders = orders;
    }

    @GetMapping(path = "/orders/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable Long id, Actor actor) {
        orders.details(id, actor);
        return live.watch(id);
    }
}
