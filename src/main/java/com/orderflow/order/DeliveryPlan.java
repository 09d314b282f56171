package com.orderflow.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where an order's goods stand per SKU, and what settles the difference between what is ordered and
 * what is (or will be) with the customer: more → on the open delivery, or first off a scheduled return;
 * less → off the open delivery, and beyond what is scheduled a return of the excess. A plain rule on
 * plain values, so the arithmetic is tested without a database.
 */
public final class DeliveryPlan {

    private DeliveryPlan() {
    }

    /** One SKU: ordered, and the pieces in deliveries and returns, done or still scheduled. */
    public record Position(String sku, int ordered, int delivered, int scheduled, int returned, int returnScheduled) {

        /** Pieces with the customer once everything scheduled is done. */
        public int expected() {
            return delivered + scheduled - returned - returnScheduled;
        }

        /** Pieces with the customer now. */
        public int withCustomer() {
            return delivered - returned;
        }
    }

    /** A change to the open delivery (or return) of a SKU: {@code by} pieces more (positive) or fewer. */
    public record Adjustment(DeliveryType type, String sku, int by) {
    }

    /** The positions of every SKU that is ordered or in any delivery, in SKU order. */
    public static List<Position> positions(Map<String, Integer> ordered, Collection<Delivery> deliveries) {
        TreeSet<String> skus = new TreeSet<>(ordered.keySet());
        deliveries.forEach(d -> d.getLines().forEach(l -> skus.add(l.getSku())));
        List<Position> positions = new ArrayList<>();
        for (String sku : skus) {
            int[] sums = new int[4];
            for (Delivery d : deliveries) {
                int quantity = d.quantityOf(sku);
                boolean done = d.getStatus() == DeliveryStatus.DELIVERED;
                if (d.getStatus() == DeliveryStatus.CANCELLED || quantity == 0) {
                    continue;
                }
                int slot = (d.getType() == DeliveryType.RETURN ? 2 : 0) + (done ? 0 : 1);
                sums[slot] += quantity;
            }
            positions.add(new Position(sku, ordered.getOrDefault(sku, 0), sums[0], sums[1], sums[2], sums[3]));
        }
        return positions;
    }

    /** What settles each position; nothing for a position already in balance. */
    public static List<Adjustment> settle(List<Position> positions) {
        List<Adjustment> adjustments = new ArrayList<>();
        for (Position p : positions) {
            int difference = p.ordered() - p.expected();
            if (difference > 0) {
                int offReturn = Math.min(difference, p.returnScheduled());
                add(adjustments, DeliveryType.RETURN, p.sku(), -offReturn);
                add(adjustments, DeliveryType.DELIVERY, p.sku(), difference - offReturn);
            } else if (difference < 0) {
                int offDelivery = Math.min(-difference, p.scheduled());
                add(adjustments, DeliveryType.DELIVERY, p.sku(), -offDelivery);
                add(adjustments, DeliveryType.RETURN, p.sku(), -difference - offDelivery);
            }
        }
        return adjustments;
    }

    /** Ordered pieces per SKU (an order may list one SKU on several lines). */
    public static Map<String, Integer> ordered(List<LineItem> lines) {
        Map<String, Integer> ordered = new TreeMap<>();
        lines.forEach(l -> ordered.merge(l.sku(), l.quantity(), Integer::sum));
        return ordered;
    }

    private static void add(List<Adjustment> adjustments, DeliveryType type, String sku, int by) {
        if (by != 0) {
            adjustments.add(new Adjustment(type, sku, by));
        }
    }
}
