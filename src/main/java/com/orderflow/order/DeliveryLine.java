package com.orderflow.order;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

/** How many of one SKU a delivery (or return) carries. */
@Entity
public class DeliveryLine {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "delivery_line_seq")
    @SequenceGenerator(name = "delivery_line_seq", sequenceName = "delivery_line_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "delivery_id")
    private Delivery delivery;

    private String sku;
    private int quantity;

    protected DeliveryLine() {
    }

    DeliveryLine(Delivery delivery, String sku, int quantity) {
        this.delivery = delivery;
        this.sku = sku;
        this.quantity = quantity;
    }

    void add(int more) {
        this.quantity += more;
    }

    public String getSku() {
        return sku;
    }

    public int getQuantity() {
        return quantity;
    }
}
