package com.orderflow.order;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.audit.AuditTrail;
import com.orderflow.shared.Actor;
import com.orderflow.shared.NotFoundException;

/**
 * Deliveries and returns of an order, which a change of the order keeps in step (see
 * {@link DeliveryFollower}). They are separate aggregates, so recording one done does not move the
 * order's version (a pending modification request stays valid).
 */
@Service
public class RelatedRecordsService {

    private final OrderAccess access;
    private final DeliveryRepository deliveries;
    private final AuditTrail audit;
    private final Clock clock;

    RelatedRecordsService(OrderAccess access, DeliveryRepository deliveries, AuditTrail audit, Clock clock) {
        this.access = access;
        this.deliveries = deliveries;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Delivery> deliveries(Long orderId, Actor actor) {
        access.checkReadable(orderId, actor);
        return deliveries.findByOrderIdOrderById(orderId);
    }

    @Transactional
    public Delivery markDelivered(Long orderId, Long deliveryId, Actor actor) {
        access.changeable(orderId, actor);
        Delivery delivery = deliveries.findByIdAndOrderId(deliveryId, orderId)
                .orElseThrow(() -> new NotFoundException("Delivery", deliveryId));
        delivery.markDelivered(clock.instant());
        String action = delivery.getType() == DeliveryType.RETURN ? "RETURN_RECEIVED" : "DELIVERY_DELIVERED";
        audit.record(orderId, actor.userId(), action, "delivery " + deliveryId, null, OrderViews.DeliveryView.of(delivery));
        return delivery;
    }
}
