package com.orderflow.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/**
 * The order aggregate. Its state changes only through its methods, which guard the
 * status rules (a closed order is locked) and keep the total consistent with the lines.
 */
@Entity
public class SalesOrder {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sales_order_seq")
    @SequenceGenerator(name = "sales_order_seq", sequenceName = "sales_order_seq", allocationSize = 50)
    private Long id;

    private String orderNumber;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    /** The order's own copy of the customer's contact details; see {@link OrderContact}. */
    @Embedded
    private OrderContact contact;

    private String owner;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    @Enumerated(EnumType.STRING)
    private SalesStage salesStage;

    private String currency;
    private BigDecimal discountPercent;
    private BigDecimal total;
    private int revision;

    @Version
    private long version;

    private Instant createdAt;
    private Instant closedAt;
    private String closedBy;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<OrderLine> lines = new ArrayList<>();

    @OneToOne(mappedBy = "order", cascade = CascadeType.ALL, fetch = FetchType.LAZY, optional = false)
    private Contract contract;

    protected SalesOrder() {
    }

    SalesOrder(String orderNumber, Customer customer, String owner, String currency, BigDecimal discountPercent,
            List<LineItem> items, ContractTerms terms, Instant createdAt) {
        this.orderNumber = orderNumber;
        this.customer = customer;
        this.contact = OrderContact.of(customer);
        this.owner = owner;
        this.status = OrderStatus.OPEN;
        this.salesStage = SalesStage.WON;
        this.currency = currency;
        this.discountPercent = discountPercent;
        this.createdAt = createdAt;
        this.revision = 1;
        this.contract = new Contract(this, terms);
        replaceLines(items);
    }

    /** Throws unless direct edits are allowed (OPEN or REOPENED). */
    public void requireEditable() {
        if (!status.isEditable()) {
            throw new OrderLockedException(orderNumber, status);
        }
    }

    /** Replaces this order's copy of the customer's contact; the customer and its other orders keep theirs. */
    public void changeContact(OrderContact contact) {
        this.contact = Objects.requireNonNull(contact);
    }

    public void changeSalesStage(SalesStage stage) {
        this.salesStage = stage;
    }

    public void changeDiscount(BigDecimal discountPercent) {
        this.discountPercent = discountPercent;
        recalculateTotal();
    }

    public void replaceLines(List<LineItem> items) {
        lines.clear();
        int position = 1;
        for (LineItem item : items) {
            lines.add(new OrderLine(this, position++, item));
        }
        recalculateTotal();
    }

    /** Returns true when the terms actually changed (and the contract version moved). */
    public boolean changeContract(ContractTerms terms) {
        return contract.change(terms);
    }

    /** A new revision number for the state this order has now; revisions only move forward. */
    public int nextRevision() {
        return ++revision;
    }

    public void close(String by, Instant at) {
        if (!status.isEditable()) {
            throw new OrderStateException(orderNumber + " cannot be closed while " + status);
        }
        this.status = OrderStatus.CLOSED;
        this.closedBy = by;
        this.closedAt = at;
    }

    public void reopen() {
        if (status != OrderStatus.CLOSED) {
            throw new OrderStateException(orderNumber + " can be reopened only when CLOSED, it is " + status);
        }
        this.status = OrderStatus.REOPENED;
    }

    public void cancel() {
        if (!status.isEditable()) {
            throw new OrderStateException(orderNumber + " can be cancelled only when OPEN or REOPENED, it is " + status);
        }
        this.status = OrderStatus.CANCELLED;
    }

    private void recalculateTotal() {
        this.total = totalOf(lineItems(), discountPercent);
    }

    /** The order total for these lines and discount: sum of quantity x unit price, less the discount. */
    public static BigDecimal totalOf(List<LineItem> items, BigDecimal discountPercent) {
        BigDecimal gross = items.stream().map(i -> i.unitPrice().multiply(BigDecimal.valueOf(i.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal factor = HUNDRED.subtract(discountPercent).divide(HUNDRED);
        return gross.multiply(factor).setScale(2, RoundingMode.HALF_EVEN);
    }

    public Long getId() {
        return id;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    /**
     * The customer the order was created for: its id and tax id. For its contact details read
     * {@link #getContact()}, the order's own copy.
     */
    public Customer getCustomer() {
        return customer;
    }

    public OrderContact getContact() {
        return contact;
    }

    public String getOwner() {
        return owner;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public SalesStage getSalesStage() {
        return salesStage;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getDiscountPercent() {
        return discountPercent;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public int getRevision() {
        return revision;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public List<OrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    public List<LineItem> lineItems() {
        return lines.stream().map(OrderLine::toItem).toList();
    }

    public Contract getContract() {
        return contract;
    }
}
