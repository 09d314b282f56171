package com.orderflow.order;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** The scheduled delivery of an order's lines, on the contract's delivery date. */
@Entity
public class Delivery {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_seq")
    @SequenceGenerator(name = "delivery_seq", sequenceName = "delivery_seq", allocationSize = 50)
    private Long id;

    private Long orderId;
    private LocalDate scheduledDate;

    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;

    private Instant deliveredAt;

    protected Delivery() {
    }

    Delivery(Long orderId, LocalDate scheduledDate) {
        this.orderId = orderId;
        this.scheduledDate = scheduledDate;
        this.status = DeliveryStatus.SCHEDULED;
    }

    public void markDelivered(Instant at) {
        if (status == DeliveryStatus.DELIVERED) {
            throw new OrderStateException("Delivery " + id + " is already delivered");
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

    public Long getId() {
        return id;
    }

    public Long getOrderId() {
        return orderId;
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
}
