package com.orderflow.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Response bodies of the customer and order API. */
public final class OrderViews {

    private OrderViews() {
    }

    public record CustomerView(Long id, String name, String contactPerson, String email, String phone,
            String address, String taxId) {

        static CustomerView of(Customer c) {
            return new CustomerView(c.getId(), c.getName(), c.getContactPerson(), c.getEmail(), c.getPhone(),
                    c.getAddress(), c.getTaxId());
        }
    }

    /**
     * An order; {@code customerName} and {@code customer} are the order's own copy of the contact details
     * (the paths a modification request names, {@code customer.email} and so on), not the customer row.
     */
    public record OrderView(Long id, String orderNumber, Long customerId, String customerName, ContactView customer,
            String owner, OrderStatus status, SalesStage salesStage, String currency, BigDecimal discountPercent,
            BigDecimal total, BigDecimal invoicedBalance, int revision, long version, Instant createdAt,
            Instant closedAt, String closedBy, List<LineItem> lines, ContractView contract) {

        public static OrderView of(SalesOrder o, InvoicedBalance balance) {
            Contract c = o.getContract();
            OrderContact contact = o.getContact();
            return new OrderView(o.getId(), o.getOrderNumber(), o.getCustomer().getId(), contact.name(),
                    ContactView.of(contact), o.getOwner(), o.getStatus(), o.getSalesStage(), o.getCurrency(),
                    o.getDiscountPercent(), o.getTotal(), balance.balance(), o.getRevision(), o.getVersion(),
                    o.getCreatedAt(), o.getClosedAt(), o.getClosedBy(), o.lineItems(), ContractView.of(c));
        }
    }

    public record ContactView(String name, String contactPerson, String email, String phone, String address) {

        static ContactView of(OrderContact c) {
            return new ContactView(c.name(), c.contactPerson(), c.email(), c.phone(), c.address());
        }
    }

    public record ContractView(int paymentTermsDays, LocalDate deliveryDate, int warrantyMonths, String clauses,
            int contractVersion) {

        static ContractView of(Contract c) {
            ContractTerms t = c.toTerms();
            return new ContractView(t.paymentTermsDays(), t.deliveryDate(), t.warrantyMonths(), t.clauses(),
                    c.getContractVersion());
        }
    }

    public record OrderSummary(Long id, String orderNumber, Long customerId, String owner, OrderStatus status,
            String currency, BigDecimal total, long version) {

        static OrderSummary of(OrderSearch.Row o) {
            return new OrderSummary(o.id(), o.orderNumber(), o.customerId(), o.owner(), o.status(), o.currency(),
                    o.total(), o.version());
        }
    }

    /** An invoice; {@code remaining} is what may still be credited against it (0 when void). */
    public record InvoiceView(Long id, Long orderId, String number, BigDecimal amount, String currency,
            BigDecimal credited, BigDecimal remaining, InvoiceStatus status, String reason, String issuedBy,
            Instant issuedAt, Instant statusChangedAt, String voidReason, String voidedBy, Instant voidedAt,
            List<String> creditNotes) {

        public static InvoiceView of(Invoice i, List<CreditNote> notes) {
            return new InvoiceView(i.getId(), i.getOrderId(), i.getNumber(), i.getAmount(), i.getCurrency(),
                    i.getCredited(), i.remaining(), i.getStatus(), i.getReason(), i.getIssuedBy(), i.getIssuedAt(),
                    i.getStatusChangedAt(), i.getVoidReason(), i.getVoidedBy(), i.getVoidedAt(),
                    notes.stream().map(CreditNote::getNumber).toList());
        }
    }

    public record CreditNoteView(Long id, Long orderId, Long invoiceId, String invoiceNumber, String number,
            BigDecimal amount, String currency, String reason, String issuedBy, Instant issuedAt) {

        public static CreditNoteView of(CreditNote c, String invoiceNumber) {
            return new CreditNoteView(c.getId(), c.getOrderId(), c.getInvoiceId(), invoiceNumber, c.getNumber(),
                    c.getAmount(), c.getCurrency(), c.getReason(), c.getIssuedBy(), c.getIssuedAt());
        }
    }

    public record DeliveryLineView(String sku, int quantity) {
    }

    /** A delivery to the customer or a return from them ({@code type}), with its lines. */
    public record DeliveryView(Long id, DeliveryType type, LocalDate scheduledDate, DeliveryStatus status,
            Instant deliveredAt, List<DeliveryLineView> lines) {

        public static DeliveryView of(Delivery d) {
            return new DeliveryView(d.getId(), d.getType(), d.getScheduledDate(), d.getStatus(), d.getDeliveredAt(),
                    d.getLines().stream().map(l -> new DeliveryLineView(l.getSku(), l.getQuantity())).toList());
        }
    }

    /**
     * A page of a list. {@code totalElements} is exact when {@code totalExact}; past
     * {@link OrderSearch#EXACT_TOTAL_UP_TO} it is an estimate. {@code hasMore} says whether another page
     * follows, and {@code nextAfter} is what {@code after} takes to read it by keyset (fast at any depth).
     */
    public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages,
            boolean totalExact, boolean hasMore, Long nextAfter) {

        static PageView<OrderSummary> of(OrderSearch.Result result, int page, int size) {
            List<OrderSummary> content = result.rows().stream().map(OrderSummary::of).toList();
            Long next = result.hasMore() ? content.get(content.size() - 1).id() : null;
            int pages = (int) Math.min(Integer.MAX_VALUE, (result.total() + size - 1) / size);
            return new PageView<>(content, page, size, result.total(), pages, result.totalExact(), result.hasMore(),
                    next);
        }
    }
}
