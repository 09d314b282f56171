package com.orderflow.modification.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import com.orderflow.modification.ModificationReason;
import com.orderflow.order.SalesStage;

/** The request-a-modification form: every changeable field, filled with the order's current values. */
public class ModificationForm {

    private String email;
    private String contactPerson;
    private String phone;
    private String address;
    private SalesStage salesStage;
    private BigDecimal discountPercent;
    private Integer paymentTermsDays;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate deliveryDate;
    private Integer warrantyMonths;
    private String clauses;
    private List<LineForm> lines = new ArrayList<>();
    private ModificationReason reason;
    private String description;

    /** One order line; a row left completely empty is ignored, so a line can be added in a spare row. */
    public static class LineForm {

        private String sku;
        private String description;
        private Integer quantity;
        private BigDecimal unitPrice;

        public LineForm() {
        }

        LineForm(String sku, String description, Integer quantity, BigDecimal unitPrice) {
            this.sku = sku;
            this.description = description;
            this.quantity = quantity;
            this.unitPrice = unitPrice;
        }

        boolean isBlank() {
            return (sku == null || sku.isBlank()) && (description == null || description.isBlank())
                    && quantity == null && unitPrice == null;
        }

        public String getSku() {
            return sku;
        }

        public void setSku(String sku) {
            this.sku = sku;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public Integer getQuantity() {
            return quantity;
        }

        public void setQuantity(Integer quantity) {
            this.quantity = quantity;
        }

        public BigDecimal getUnitPrice() {
            return unitPrice;
        }

        public void setUnitPrice(BigDecimal unitPrice) {
            this.unitPrice = unitPrice;
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public void setContactPerson(String contactPerson) {
        this.contactPerson = contactPerson;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public SalesStage getSalesStage() {
        return salesStage;
    }

    public void setSalesStage(SalesStage salesStage) {
        this.salesStage = salesStage;
    }

    public BigDecimal getDiscountPercent() {
        return discountPercent;
    }

    public void setDiscountPercent(BigDecimal discountPercent) {
        this.discountPercent = discountPercent;
    }

    public Integer getPaymentTermsDays() {
        return paymentTermsDays;
    }

    public void setPaymentTermsDays(Integer paymentTermsDays) {
        this.paymentTermsDays = paymentTermsDays;
    }

    public LocalDate getDeliveryDate() {
        return deliveryDate;
    }

    public void setDeliveryDate(LocalDate deliveryDate) {
        this.deliveryDate = deliveryDate;
    }

    public Integer getWarrantyMonths() {
        return warrantyMonths;
    }

    public void setWarrantyMonths(Integer warrantyMonths) {
        this.warrantyMonths = warrantyMonths;
    }

    public String getClauses() {
        return clauses;
    }

    public void setClauses(String clauses) {
        this.clauses = clauses;
    }

    public List<LineForm> getLines() {
        return lines;
    }

    public void setLines(List<LineForm> lines) {
        this.lines = lines;
    }

    public ModificationReason getReason() {
        return reason;
    }

    public void setReason(ModificationReason reason) {
        this.reason = reason;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
