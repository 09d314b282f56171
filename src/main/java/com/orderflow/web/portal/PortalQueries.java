package com.orderflow.web.portal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.modification.ModificationService;
import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.modification.RequestStatus;
import com.orderflow.notification.Notification;
import com.orderflow.order.ContractTerms;
import com.orderflow.order.Delivery;
import com.orderflow.order.LineItem;
import com.orderflow.order.OrderAccess;
import com.orderflow.order.OrderContact;
import com.orderflow.order.OrderSearch;
import com.orderflow.order.OrderStatus;
import com.orderflow.order.RelatedRecordsService;
import com.orderflow.order.SalesOrder;
import com.orderflow.order.SalesStage;
import com.orderflow.report.ReportService;
import com.orderflow.report.ReportType;
import com.orderflow.revision.OrderRevision;
import com.orderflow.revision.RevisionService;
import com.orderflow.revision.SnapshotDiff;
import com.orderflow.revision.SnapshotDiff.FieldDifference;
import com.orderflow.shared.Actor;

/**
 * What the portal pages show, read in one transaction each and handed to the templates as plain
 * records (open-in-view is off, so nothing lazy reaches a template).
 */
@Service
class PortalQueries {

    static final int PAGE_SIZE = 10;

    record OrderRow(Long id, String orderNumber, String customerName, String owner, OrderStatus status,
            String currency, BigDecimal total, Instant createdAt) {
    }

    /** The order's own copy of its customer's contact, and the customer's tax id. */
    record CustomerInfo(String name, String contactPerson, String email, String phone, String address,
            String taxId) {
    }

    record OrderDetails(Long id, String orderNumber, String owner, OrderStatus status, SalesStage salesStage,
            String currency, BigDecimal discountPercent, BigDecimal total, int revision, long version,
            Instant createdAt, Instant closedAt, String closedBy, CustomerInfo customer, List<LineItem> lines,
            ContractTerms contract, int contractVersion, boolean changeable) {
    }

    record RevisionRow(int number, String createdBy, Instant createdAt, String reason, Long requestId) {
    }

    record Diff(int from, int to, List<FieldDifference> changes) {
    }

    record ReportRow(Long id, ReportType type, String fileName, long sizeBytes, Instant createdAt) {
    }

    record MailRow(String recipient, String subject, String template, String state, Instant createdAt,
            Instant sentAt) {
    }

    record OrderPage(OrderDetails order, PortalBilling.Money money, List<Delivery> deliveries,
            List<RevisionRow> revisions, Diff diff, List<RequestView> requests, List<Long> revisable,
            List<ReportRow> reports, List<MailRow> mails, String liveState) {
    }

    private final OrderAccess access;
    private final RelatedRecordsService related;
    private final PortalBilling billing;
    private final RevisionService revisions;
    private final ModificationService modifications;
    private final ReportService reports;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final OrderSearch search;
    private final LiveStates live;

    PortalQueries(OrderSearch search, LiveStates live, OrderAccess access, RelatedRecordsService related,
            PortalBilling billing, RevisionService revisions, ModificationService modifications,
            ReportService reports, EntityManager entityManager, ObjectMapper json) {
        this.access = access;
        this.related = related;
        this.billing = billing;
        this.revisions = revisions;
        this.modifications = modifications;
        this.reports = reports;
        this.entityManager = entityManager;
        this.json = json;
        this.search = search;
        this.live = live;
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

    @Transactional(readOnly = true)
    public OrderDetails details(Long orderId, Actor actor) {
        return details(access.readable(orderId, actor), actor);
    }

    /** The order page; {@code from}/{@code to} pick the revisions to compare (default: the last change). */
    @Transactional(readOnly = true)
    public OrderPage page(Long orderId, Integer from, Integer to, Actor actor) {
        // Read first: everything below is at least as new, so a page whose state matches the last event
        // shows all of it (live.js fetches again while they differ).
        String liveState = live.read(orderId);
        SalesOrder order = access.readable(orderId, actor);
        List<RevisionRow> history = revisions.list(orderId).stream()
                .map(r -> new RevisionRow(r.getNumber(), r.getCreatedBy(), r.getCreatedAt(), r.getReason(),
                        r.getRequestId()))
                .toList();
        Diff diff = diff(orderId, history, from, to);
        List<ReportRow> reportRows = reports.forOrder(orderId).stream()
                .map(r -> new ReportRow(r.getId(), r.getType(), r.getFileName(), r.getSizeBytes(), r.getCreatedAt()))
                .toList();
        List<MailRow> mails = entityManager
                .createQuery("select n from Notification n where n.orderId = :orderId order by n.id desc",
                        Notification.class)
                .setParameter("orderId", orderId).setMaxResults(100).getResultList().stream()
                .map(n -> new MailRow(n.getRecipientEmail(), n.getSubject(), n.getTemplate(), n.getState().name(),
                        n.getCreatedAt(), n.getSentAt()))
                .toList();
        OrderDetails details = details(order, actor);
        List<RequestView> requestViews = modifications.forOrder(orderId, actor);
        List<Long> revisable = requestViews.stream().filter(r -> mayRevise(r, details, actor)).map(RequestView::id)
                .toList();
        return new OrderPage(details, billing.of(orderId, actor), related.deliveries(orderId, actor), history, diff,
                requestViews, revisable, reportRows, mails, liveState);
    }

    /** The requester (or an admin) of a request waiting for them, on an order they may still change. */
    static boolean mayRevise(RequestView request, OrderDetails order, Actor actor) {
        boolean waiting = request.status() == RequestStatus.REJECTED || request.status() == RequestStatus.CONFLICT;
        boolean own = request.requester().equals(actor.userId()) || actor.isMemberOf(Actor.ADMINS);
        return waiting && own && order.changeable();
    }

    private Diff diff(Long orderId, List<RevisionRow> history, Integer from, Integer to) {
        if (history.isEmpty()) {
            return null;
        }
        int last = history.get(history.size() - 1).number();
        int b = to == null ? last : to;
        int a = from == null ? Math.max(1, b - 1) : from;
        if (history.stream().noneMatch(r -> r.number() == a) || history.stream().noneMatch(r -> r.number() == b)) {
            return null;
        }
        OrderRevision left = revisions.get(orderId, a);
        OrderRevision right = revisions.get(orderId, b);
        return new Diff(a, b, SnapshotDiff.between(tree(left.getSnapshot()), tree(right.getSnapshot())));
    }

    private OrderDetails details(SalesOrder o, Actor actor) {
        OrderContact c = o.getContact();
        return new OrderDetails(o.getId(), o.getOrderNumber(), o.getOwner(), o.getStatus(), o.getSalesStage(),
                o.getCurrency(), o.getDiscountPercent(), o.getTotal(), o.getRevision(), o.getVersion(),
                o.getCreatedAt(), o.getClosedAt(), o.getClosedBy(),
                new CustomerInfo(c.name(), c.contactPerson(), c.email(), c.phone(), c.address(),
                        o.getCustomer().getTaxId()),
                o.lineItems(), o.getContract().toTerms(), o.getContract().getContractVersion(),
                actor.canChange(o.getOwner()) && o.getStatus() != OrderStatus.CANCELLED);
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored revision is not readable", e);
        }
    }
}
