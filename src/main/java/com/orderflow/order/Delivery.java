package com.orderflow.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/**
 * A shipment of SKUs to the customer, or a return of SKUs from them, on a scheduled date. Only a
 * SCHEDULED one changes; one left without lines is CANCELLED.
 */
@Entity
public class Delivery {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
    @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 50)
    private Long id;

    private Long orderId;

    @Enumerated(EnumType.STRING)
    private DeliveryType type;

    private LocalDate scheduledDate;

    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;

    private Instant deliveredAt;

    // Few lines per delivery, and every view of a delivery shows them.
    @OneToMany(mappedBy = "delivery", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("sku")
    private List<DeliveryLine> lines = new ArrayList<>();

    @Version
    private long version;

    protected Delivery() {
    }

    Delivery(Long orderId, DeliveryType type, LocalDate scheduledDate) {
        this.orderId = orderId;
        this.type = type;
        this.scheduledDate = scheduledDate;
        this.status = DeliveryStatus.SCHEDULED;
    }

    public void markDelivered(Instant at) {
        if (status != DeliveryStatus.SCHEDULED) {
            throw new OrderStateException((type == DeliveryType.RETURN ? "Return " : "Delivery ") + id + " is "
                    + status + ", not SCHEDULED");
        }
        this.status = DeliveryStatus.DELIVERED;
        this.deliveredAt = at;
    }

    /** Returns true when a pending delivery moved to the new date. */
    public boolean reschedule(LocalDate date) {
        if (status != DeliveryStatus.SCHEDULED || date.equals(scheduledDate)) {
            return false;
        }
        this.scheduledDate = date;
        return true;
    }

    /** Adds (positive) or takes away (negative) pieces of a SKU on this scheduled delivery. */
    void adjust(String sku, int by) {
        if (status != DeliveryStatus.SCHEDULED) {
            throw new IllegalStateException("Delivery " + id + " is " + status + " and no longer changes");
        }
        Optional<DeliveryLine> line = lines.stream().filter(l -> l.getSku().equals(sku)).findFirst();
        int now = line.map(DeliveryLine::getQuantity).orElse(0);
        if (now + by < 0) {
            throw new IllegalArgumentException("Delivery " + id + " carries " + now + " x " + sku + ", not " + -by);
        }
        if (line.isEmpty()) {
            lines.add(new DeliveryLine(this, sku, by));
        } else if (now + by == 0) {
            lines.remove(line.get());
        } else {
            line.get().add(by);
        }
        if (lines.isEmpty()) {
            this.status = DeliveryStatus.CANCELLED;
        }
    }

    public int quantityOf(String sku) {
        return lines.stream().filter(l -> l.getSku().equals(sku)).mapToInt(DeliveryLine::getQuantity).sum();
    }

    public boolean isOpen() {
        return status == DeliveryStatus.SCHEDULED;
    }

    public Long getId() {
        return id;
    }

    public Long getOrderId() {
        return orderId;
    }

    public DeliveryType getType() {
        return type;
    }

    public LocalDate getScheduledDate() {
        return scheduledDate;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public List<DeliveryLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
