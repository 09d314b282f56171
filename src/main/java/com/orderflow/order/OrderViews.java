package com.orderflow.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.Page;

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
            BigDecimal total, int revision, long version, Instant createdAt, Instant closedAt, String closedBy,
            List<LineItem> lines, ContractView contract) {

        public static OrderView of(SalesOrder o) {
            Contract c = o.getContract();
            OrderContact contact = o.getContact();
            return new OrderView(o.getId(), o.getOrderNumber(), o.getCustomer().getId(), contact.name(),
                    ContactView.of(contact), o.getOwner(), o.getStatus(), o.getSalesStage(), o.getCurrency(),
                    o.getDiscountPercent(), o.getTotal(), o.getRevision(), o.getVersion(), o.getCreatedAt(),
                    o.getClosedAt(), o.getClosedBy(), o.lineItems(), ContractView.of(c));
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

        static OrderSummary of(SalesOrder o) {
            return new OrderSummary(o.getId(), o.getOrderNumber(), o.getCustomer().getId(), o.getOwner(),
                    o.getStatus(), o.getCurrency(), o.getTotal(), o.getVersion());
        }
    }

    public record InvoiceView(Long id, String number, BigDecimal amount, InvoiceStatus status, Instant issuedAt,
            Instant statusChangedAt) {

        static InvoiceView of(Invoice i) {
            return new InvoiceView(i.getId(), i.getNumber(), i.getAmount(), i.getStatus(), i.getIssuedAt(),
                    i.getStatusChangedAt());
        }
    }

    public record DeliveryView(Long id, LocalDate scheduledDate, DeliveryStatus status, Instant deliveredAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.getId(), d.getScheduledDate(), d.getStatus(), d.getDeliveredAt());
        }
    }

    public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

        static <T> PageView<T> of(Page<T> page) {
            return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                    page.getTotalPages());
        }
    }
}
