package com.orderflow.settlement;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.settlement.SettlementViews.SettlementView;
import com.orderflow.shared.Actor;

/** The settlements of an order and the data of their settle task, for whoever may read the order. */
@RestController
@RequestMapping("/api")
class SettlementController {

    private final SettlementQueries queries;

    SettlementController(SettlementQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/orders/{orderId}/settlements")
    List<SettlementView> forOrder(@PathVariable Long orderId, Actor actor) {
        return queries.forOrder(orderId, actor);
    }

    @GetMapping("/settlements/{id}")
    SettlementView settlement(@PathVariable Long id, Actor actor) {
        return queries.find(id, actor);
    }
}
