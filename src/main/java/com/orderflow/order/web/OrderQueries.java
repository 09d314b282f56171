package com.orderflow.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.notification.OrderMails;
import com.orderflow.order.Delivery;
import com.orderflow.order.OrderAccess;
import com.orderflow.order.OrderDetails;
import com.orderflow.order.OrderDetailsReader;
import com.orderflow.order.OrderPageSection;
import com.orderflow.order.OrderSearch;
import com.orderflow.order.OrderStatus;
import com.orderflow.order.RelatedRecordsService;
import com.orderflow.shared.Actor;

/**
 * What the order list and the order page show, read in one transaction each and handed to the templates
 * as plain records (open-in-view is off, so nothing lazy reaches a template). The parts other features
 * own come from their {@link OrderPageSection}s, read in the same transaction.
 */
@Service
class OrderQueries {

    static final int PAGE_SIZE = 10;
    private static final int MAILS_SHOWN = 100;

    record OrderRow(Long id, String orderNumber, String customerName, String owner, OrderStatus status,
            String currency, BigDecimal total, Instant createdAt) {
    }

    record MailRow(String recipient, String subject, String template, String state, Instant createdAt,
            Instant sentAt) {
    }

    /** A feature's section of the page: its template and what it shows. */
    record Part(OrderPageSection.Place place, String template, Object data) {
    }

    record OrderPage(OrderDetails order, OrderBilling.Money money, List<Delivery> deliveries, List<MailRow> mails,
            String liveState, List<Part> parts) {

        /** The sections of one place ({@link OrderPageSection.Place} by name), in their order. */
        public List<Part> at(String place) {
            return parts.stream().filter(p -> p.place().name().equals(place)).toList();
        }
    }

    private final OrderAccess access;
    private final OrderDetailsReader reader;
    private final RelatedRecordsService related;
    private final OrderBilling billing;
    private final OrderMails mails;
    private final OrderSearch search;
    private final LiveStates live;
    private final List<OrderPageSection> sections;

    OrderQueries(OrderSearch search, LiveStates live, OrderAccess access, OrderDetailsReader reader,
            RelatedRecordsService related, OrderBilling billing, OrderMails mails, List<OrderPageSection> sections) {
        this.access = access;
        this.reader = reader;
        this.related = related;
        this.billing = billing;
        this.mails = mails;
        this.search = search;
        this.live = live;
        this.sections = sections;
    }

    /**
     * A rep's own orders (everything for those who see all), by number or customer name, newest first.
     * The total is exact up to {@link OrderSearch#EXACT_TOTAL_UP_TO} orders and an estimate past that.
     */
    @Transactional(readOnly = true)
    public Page<OrderRow> search(String text, OrderStatus status, int page, Actor actor) {
        int number = Math.max(page, 0);
        OrderSearch.Result result = search.find(new OrderSearch.Criteria(status, null, text, null),
                (long) number * PAGE_SIZE, PAGE_SIZE, actor);
        List<OrderRow> rows = result.rows().stream().map(o -> new OrderRow(o.id(), o.orderNumber(), o.customerName(),
                o.owner(), o.status(), o.currency(), o.total(), o.createdAt())).toList();
        return new PageImpl<>(rows, PageRequest.of(number, PAGE_SIZE), result.total());
    }

    /** The order page; {@code from}/{@code to} pick the revisions to compare (default: the last change). */
    @Transactional(readOnly = true)
    public OrderPage page(Long orderId, Integer from, Integer to, Actor actor) {
        // Read first: everything below is at least as new, so a page whose state matches the last event
        // shows all of it (live.js fetches again while they differ).
        String liveState = live.read(orderId);
        OrderDetails details = reader.details(access.readable(orderId, actor), actor);
        OrderPageSection.PageRequest request = new OrderPageSection.PageRequest(details, actor, from, to);
        List<Part> parts = sections.stream().map(s -> new Part(s.place(), s.template(), s.read(request))).toList();
        return new OrderPage(details, billing.of(orderId, actor), related.deliveries(orderId, actor),
                mails(orderId), liveState, parts);
    }

    /** The newest first, as many as the page shows. */
    private List<MailRow> mails(Long orderId) {
        return mails.newestForOrder(orderId, MAILS_SHOWN).stream().map(m -> new MailRow(m.recipient(), m.subject(),
                m.template(), m.state().name(), m.createdAt(), m.sentAt())).toList();
    }
}
