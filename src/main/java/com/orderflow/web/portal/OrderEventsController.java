package com.orderflow.web.portal;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.orderflow.shared.Actor;

/** The Server-Sent Events stream an open order page listens to. */
@RestController
class OrderEventsController {

    private final LiveOrderEvents live;
    private final PortalQueries queries;

    OrderEventsController(LiveOrderEvents live, PortalQueries queries) {
        this.live = live;
        this.queries = queries;
    }

    @GetMapping(path = "/orders/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable Long id, Actor actor) {
        queries.details(id, actor);
        return live.watch(id);
    }
}
