package com.orderflow.order;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.order.OrderViews.DeliveryView;
import com.orderflow.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/orders/{orderId}")
@Tag(name = "Deliveries", description = "An order's deliveries and returns, which follow every change of its lines "
        + "and delivery date.")
class RelatedRecordsController {

    private final RelatedRecordsService records;

    RelatedRecordsController(RelatedRecordsService records) {
        this.records = records;
    }

    @Operation(operationId = "listDeliveries", summary = "List an order's deliveries",
            description = "The deliveries and returns of an order, each with its lines (`sku`, `quantity`), type "
                    + "and state.")
    @GetMapping("/deliveries")
    List<DeliveryView> deliveries(@PathVariable Long orderId, Actor actor) {
        return records.deliveries(orderId, actor).stream().map(DeliveryView::of).toList();
    }

    @Operation(operationId = "markDeliveryDelivered", summary = "Mark a delivery done",
            description = "Records that a delivery was delivered, or a return received; each can be completed once.")
    @PostMapping("/deliveries/{deliveryId}/delivered")
    DeliveryView delivered(@PathVariable Long orderId, @PathVariable Long deliveryId, Actor actor) {
        return DeliveryView.of(records.markDelivered(orderId, deliveryId, actor));
    }
}
