package com.orderflow.settlement;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.settlement.SettlementViews.SettlementView;
import com.orderflow.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The settlements of an order and the data of their settle task, for whoever may read the order. */
@RestController
@RequestMapping("/api")
@Tag(name = "Settlements", description = "Finance's settlement of an order whose total moved after it was invoiced: "
        + "the task, its proposal and its outcome.")
class SettlementController {

    private final SettlementQueries queries;

    SettlementController(SettlementQueries queries) {
        this.queries = queries;
    }

    @Operation(operationId = "listSettlements", summary = "List an order's settlements",
            description = "Every settlement of the order, open or done: old and new total, invoiced balance, the "
                    + "difference and the documents proposed or issued.")
    @GetMapping("/orders/{orderId}/settlements")
    List<SettlementView> forOrder(@PathVariable Long orderId, Actor actor) {
        return queries.forOrder(orderId, actor);
    }

    @Operation(operationId = "getSettlement", summary = "Read a settlement",
            description = "One settlement with its task's data.")
    @GetMapping("/settlements/{id}")
    SettlementView settlement(@PathVariable Long id, Actor actor) {
        return queries.find(id, actor);
    }
}
