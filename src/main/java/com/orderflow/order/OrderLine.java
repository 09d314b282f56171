package com.orderflow.order;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

@Entity
public class OrderLine {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_line_seq")
    @SequenceGenerator(name = "order_line_seq", sequenceName = "order_line_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private SalesOrder order;

    private int position;
    private String sku;
    private String description;
    private int quantity;
    private BigDecimal unitPrice;

    protected OrderLine() {
    }

    OrderLine(SalesOrder order, int position, LineItem item) {
        this.order = order;
        this.position = position;
        this.sku = item.sku();
        this.description = item.description();
        this.quantity = item.quantity();
        this.unitPrice = item.unitPrice();
    }

    public int getPosition() {
        return position;
    }

    public String getSku() {
        return sku;
    }

    public String getDescription() {
        return description;
    }

    public int getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public LineItem toItem() {
        return new LineItem(sku, description, quantity, unitPrice);
    }
}
