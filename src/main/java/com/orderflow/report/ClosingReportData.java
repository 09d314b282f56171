package com.orderflow.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the PDF report of a closed order shows. */
public record ClosingReportData(
        Long orderId,
        String orderNumber,
        String customerName,
        String owner,
        String currency,
        BigDecimal total,
        Instant closedAt,
        String closedBy,
        int revision,
        List<LineRow> lines,
        List<InvoiceRow> invoices,
        LocalDate deliveryDate) {

    public record LineRow(String sku, String description, int quantity, BigDecimal unitPrice) {
    }

    public record InvoiceRow(String number, BigDecimal amount, String status) {
    }
}
