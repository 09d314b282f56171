package com.orderflow.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Currency;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.audit.AuditTrail;
import com.orderflow.order.OrderRequests.CreateOrder;
import com.orderflow.order.OrderRequests.Line;
import com.orderflow.order.OrderRequests.PatchOrder;
import com.orderflow.shared.Actor;
import com.orderflow.shared.InvalidFieldException;
import com.orderflow.shared.PreconditionFailedException;

/** Creating, reading and directly editing orders (direct edits only while OPEN or REOPENED). */
@Service
public class OrderService {

    private final SalesOrderRepository orders;
    private final CustomerService customers;
    private final DeliveryFollower deliveries;
    private final OrderChanges changes;
    private final OrderAccess access;
    private final OrderNumbers orderNumbers;
    private final OrderSnapshots snapshots;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderService(SalesOrderRepository orders, CustomerService customers, DeliveryFollower deliveries,
            OrderChanges changes, OrderAccess access, OrderNumbers orderNumbers, OrderSnapshots snapshots,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.deliveries = deliveries;
        this.changes = changes;
        this.access = access;
        this.orderNumbers = orderNumbers;
        this.snapshots = snapshots;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public SalesOrder create(CreateOrder request, Actor actor) {
        if (!actor.canSell()) {
            throw new AccessDeniedException("Only sales reps, sales managers and admins create orders");
        }
        requireKnownCurrency(request.currency());
        // A customer the actor may not see is refused like an unknown one (it names nothing they know).
        Customer customer = customers.visible(request.customerId(), actor)
                .orElseThrow(() -> new InvalidFieldException("customerId", "no customer with id " + request.customerId()));
        String number = "SO-%d-%06d".formatted(Year.now(clock.withZone(ZoneOffset.UTC)).getValue(),
                orderNumbers.next());
        BigDecimal discount = request.discountPercent() == null ? BigDecimal.ZERO : request.discountPercent();
        SalesOrder order = orders.save(new SalesOrder(number, customer, actor.userId(), request.currency(), discount,
                request.lines().stream().map(Line::toItem).toList(), request.contract().toTerms(), clock.instant()));
        // The first delivery carries every ordered line, on the contract's delivery date.
        deliveries.follow(order, false);
        orders.flush();
        OrderSnapshot created = snapshots.of(order);
        audit.record(order.getId(), actor.userId(), "ORDER_CREATED", number, null, created);
        events.publishEvent(new OrderChanged(order.getId(), order.getRevision(), actor.userId(), "CREATED", null,
                created));
        return order;
    }

    @Transactional(readOnly = true)
    public SalesOrder find(Long id, Actor actor) {
        return access.readable(id, actor);
    }

    /**
     * A direct edit, guarded by the version the caller last saw (If-Match). Who may change the order is
     * decided first: another rep's order is unknown to them (404), whatever they send as If-Match.
     */
    @Transactional
    public SalesOrder patch(Long id, String ifMatch, PatchOrder patch, Actor actor) {
        SalesOrder order = access.changeable(id, actor);
        long expectedVersion = ETags.requireVersion(ifMatch);
        order.requireEditable();
        if (order.getVersion() != expectedVersion) {
            throw new PreconditionFailedException("Order " + order.getOrderNumber() + " changed since version "
                    + expectedVersion + "; it is now at version " + order.getVersion());
        }
        changes.change(order, o -> edit(o, patch), OrderChanges.Origin.directEdit(actor.userId()));
        return order;
    }

    private static void edit(SalesOrder order, PatchOrder patch) {
        if (patch.salesStage() != null) {
            order.changeSalesStage(patch.salesStage());
        }
        if (patch.discountPercent() != null) {
            order.changeDiscount(patch.discountPercent());
        }
        if (patch.lines() != null) {
            order.replaceLines(patch.lines().stream().map(Line::toItem).toList());
        }
        if (patch.contract() != null) {
            order.changeContract(patch.contract().toTerms());
        }
    }

    private static void requireKnownCurrency(String code) {
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("currency", code + " is not an ISO 4217 currency");
        }
    }
}
