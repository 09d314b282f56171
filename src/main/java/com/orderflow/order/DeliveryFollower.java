package com.orderflow.order;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Keeps an order's deliveries in step with its lines ({@link DeliveryPlan}) and its contract's delivery
 * date: the work of a change of the order, whichever way it came.
 */
@Component
class DeliveryFollower {

    /** One change to the goods of an order, as the delivery team is told of it (0 pieces: moved to the date). */
    record Change(DeliveryType kind, String sku, int quantity, LocalDate scheduledDate) {
    }

    private final DeliveryRepository deliveries;
    private final Clock clock;

    DeliveryFollower(DeliveryRepository deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Moves open deliveries to a new contract date, then settles every SKU; returns what changed. */
    List<Change> follow(SalesOrder order, boolean deliveryDateChanged) {
        LocalDate date = order.getContract().toTerms().deliveryDate();
        List<Delivery> all = new ArrayList<>(deliveries.findByOrderIdOrderById(order.getId()));
        List<Change> changes = new ArrayList<>();
        if (deliveryDateChanged) {
            all.stream().filter(d -> d.getType() == DeliveryType.DELIVERY).filter(d -> d.reschedule(date))
                    .forEach(d -> d.getLines().forEach(l -> changes.add(
                            new Change(DeliveryType.DELIVERY, l.getSku(), 0, date))));
        }
        var positions = DeliveryPlan.positions(DeliveryPlan.ordered(order.lineItems()), all);
        for (DeliveryPlan.Adjustment adjustment : DeliveryPlan.settle(positions)) {
            changes.addAll(apply(order, all, adjustment, date));
        }
        return changes;
    }

    private List<Change> apply(SalesOrder order, List<Delivery> all, DeliveryPlan.Adjustment adjustment,
            LocalDate contractDate) {
        List<Change> changes = new ArrayList<>();
        if (adjustment.by() > 0) {
            Delivery open = latestOpen(all, adjustment.type()).orElseGet(() -> {
                Delivery created = deliveries.save(new Delivery(order.getId(), adjustment.type(),
                        adjustment.type() == DeliveryType.RETURN ? returnDate(contractDate) : contractDate));
                all.add(created);
                return created;
            });
            open.adjust(adjustment.sku(), adjustment.by());
            changes.add(new Change(adjustment.type(), adjustment.sku(), adjustment.by(), open.getScheduledDate()));
            return changes;
        }
        // Fewer: off the latest open ones first (the plan never asks for more than they carry).
        int left = -adjustment.by();
        List<Delivery> open = all.stream().filter(d -> d.getType() == adjustment.type() && d.isOpen())
                .sorted(Comparator.comparing(Delivery::getId).reversed()).toList();
        for (Delivery d : open) {
            int off = Math.min(left, d.quantityOf(adjustment.sku()));
            if (off > 0) {
                d.adjust(adjustment.sku(), -off);
                changes.add(new Change(adjustment.type(), adjustment.sku(), -off, d.getScheduledDate()));
                left -= off;
            }
        }
        return changes;
    }

    private static Optional<Delivery> latestOpen(List<Delivery> all, DeliveryType type) {
        return all.stream().filter(d -> d.getType() == type && d.isOpen()).max(Comparator.comparing(Delivery::getId));
    }

    /** Goods come back as soon as they can: on the contract date, or today when that has passed. */
    private LocalDate returnDate(LocalDate contractDate) {
        LocalDate today = LocalDate.now(clock);
        return contractDate.isAfter(today) ? contractDate : today;
    }
}
