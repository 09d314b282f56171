package com.orderflow.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The full state of an order with its customer, contract and related records, as a revision keeps it. */
public record OrderSnapshot(
        String orderNumber,
        String owner,
        OrderStatus status,
        SalesStage salesStage,
        String currency,
        BigDecimal discountPercent,
        BigDecimal total,
        CustomerContact customer,
        List<LineItem> lines,
        ContractTerms contract,
        int contractVersion,
        List<InvoiceState> invoices,
        List<DeliveryState> deliveries,
        Instant closedAt,
        String closedBy) {

    /** The order's copy of its customer's contact ({@link OrderContact}) and the customer's tax id. */
    public record CustomerContact(String name, String contactPerson, String email, String phone, String address,
            String taxId) {
    }

    public record InvoiceState(String number, BigDecimal amount, BigDecimal credited, InvoiceStatus status) {
    }

    /** Revisions written before deliveries had lines read with {@code type} and {@code lines} null. */
    public record DeliveryState(Long id, DeliveryType type, LocalDate scheduledDate, DeliveryStatus status,
            Map<String, Integer> lines) {
    }
}
