package com.orderflow.order;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.order.OrderViews.DeliveryView;
import com.orderflow.shared.Actor;

@RestController
@RequestMapping("/api/orders/{orderId}")
class RelatedRecordsController {

    private final RelatedRecordsService records;

    RelatedRecordsController(RelatedRecordsService records) {
        this.records = records;
    }

    @GetMapping("/deliveries")
    List<DeliveryView> deliveries(@PathVariable Long orderId, Actor actor) {
        return records.deliveries(orderId, actor).stream().map(DeliveryView::of).toList();
    }

    @PostMapping("/deliveries/{deliveryId}/delivered")
    DeliveryView delivered(@PathVariable Long orderId, @PathVariable Long deliveryId, Actor actor) {
        return DeliveryView.of(records.markDelivered(orderId, deliveryId, actor));
    }
}
