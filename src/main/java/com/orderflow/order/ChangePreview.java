package com.orderflow.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.shared.Actor;

/**
 * What a draft change of an order will set off once it is applied, told before it is filed: the money
 * finance will have to settle and the goods that will move. It reads the order's invoices and deliveries
 * and applies the rules the change itself applies ({@link InvoicedBalance}, {@link DeliveryPlan}, the
 * dates {@link DeliveryFollower} picks), so what a form previews is what the change does.
 */
@Service
public class ChangePreview {

    /** One move of goods: {@code by} pieces more (positive) or fewer on a delivery or return of {@code date}. */
    public record Goods(DeliveryType type, String sku, int by, LocalDate date) {

        public int pieces() {
            return Math.abs(by);
        }
    }

    /** {@code settle} is null when finance has nothing to settle (no invoices, or the total stays). */
    public record Consequences(String currency, BigDecimal settle, List<Goods> goods) {

        public boolean isEmpty() {
            return settle == null && goods.isEmpty();
        }
    }

    /** The draft: the order's lines, contract delivery date and total as they would be after the change. */
    public record Draft(List<LineItem> lines, LocalDate deliveryDate, BigDecimal total) {
    }

    private final OrderAccess access;
    private final InvoiceRepository invoices;
    private final DeliveryRepository deliveries;
    private final Clock clock;

    ChangePreview(OrderAccess access, InvoiceRepository invoices, DeliveryRepository deliveries, Clock clock) {
        this.access = access;
        this.invoices = invoices;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Consequences of(Long orderId, Draft draft, Actor actor) {
        SalesOrder order = access.readable(orderId, actor);
        return of(order.getCurrency(), order.getTotal(), order.getContract().toTerms().deliveryDate(),
                invoices.findByOrderIdOrderById(orderId), deliveries.findByOrderIdOrderById(orderId), draft,
                LocalDate.now(clock));
    }

    /** The pure part: from the order's current total, delivery date and records, and today. */
    static Consequences of(String currency, BigDecimal total, LocalDate deliveryDate, List<Invoice> invoices,
            List<Delivery> deliveries, Draft draft, LocalDate today) {
        return new Consequences(currency, settle(total, invoices, draft.total()),
                goods(deliveries, deliveryDate, draft, today));
    }

    /** A settlement starts when the total moves on an order with invoices; it settles the balance's gap. */
    static BigDecimal settle(BigDecimal total, List<Invoice> invoices, BigDecimal newTotal) {
        boolean hasInvoices = invoices.stream().anyMatch(i -> i.getStatus() != InvoiceStatus.VOID);
        if (!hasInvoices || total.compareTo(newTotal) == 0) {
            return null;
        }
        BigDecimal difference = InvoicedBalance.of(invoices).differenceTo(newTotal);
        return difference.signum() == 0 ? null : difference;
    }

    private static List<Goods> goods(List<Delivery> deliveries, LocalDate deliveryDate, Draft draft, LocalDate today) {
        boolean moved = !deliveryDate.equals(draft.deliveryDate());
        var positions = DeliveryPlan.positions(DeliveryPlan.ordered(draft.lines()), deliveries);
        List<Goods> goods = new ArrayList<>();
        for (DeliveryPlan.Adjustment adjustment : DeliveryPlan.settle(positions)) {
            goods.addAll(adjust(deliveries, adjustment, moved, draft.deliveryDate(), today));
        }
        return goods;
    }

    private static List<Goods> adjust(List<Delivery> deliveries, DeliveryPlan.Adjustment adjustment, boolean moved,
            LocalDate newDate, LocalDate today) {
        DeliveryType type = adjustment.type();
        if (adjustment.by() > 0) {
            LocalDate date = latestOpen(deliveries, type).map(d -> dateOf(d, moved, newDate))
                    .orElse(type == DeliveryType.RETURN && !newDate.isAfter(today) ? today : newDate);
            return List.of(new Goods(type, adjustment.sku(), adjustment.by(), date));
        }
        // Fewer: off the latest open ones first, as the change takes them.
        List<Goods> goods = new ArrayList<>();
        int left = -adjustment.by();
        List<Delivery> open = deliveries.stream().filter(d -> d.getType() == type && d.isOpen())
                .sorted(Comparator.comparing(Delivery::getId, Comparator.nullsLast(Comparator.naturalOrder()))
                        .reversed())
                .toList();
        for (Delivery d : open) {
            int off = Math.min(left, d.quantityOf(adjustment.sku()));
            if (off > 0) {
                goods.add(new Goods(type, adjustment.sku(), -off, dateOf(d, moved, newDate)));
                left -= off;
            }
        }
        return goods;
    }

    /** A new contract date moves the open deliveries (not returns) with it. */
    private static LocalDate dateOf(Delivery delivery, boolean moved, LocalDate newDate) {
        return moved && delivery.getType() == DeliveryType.DELIVERY ? newDate : delivery.getScheduledDate();
    }

    private static Optional<Delivery> latestOpen(List<Delivery> deliveries, DeliveryType type) {
        return deliveries.stream().filter(d -> d.getType() == type && d.isOpen())
                .max(Comparator.comparing(Delivery::getId, Comparator.nullsFirst(Comparator.naturalOrder())));
    }
}
