package com.orderflow.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the PDF of an issued invoice or credit note shows. {@code creditedInvoiceNumber} is the invoice
 * a credit note reduces (null for an invoice); {@code invoicedBalanceAfter} is the order's invoiced
 * balance once this document counts, so the page says where the order stands.
 */
public record BillingDocumentData(
        ReportType type,
        Long orderId,
        String orderNumber,
        String customerName,
        String documentNumber,
        String creditedInvoiceNumber,
        BigDecimal amount,
        String currency,
        String reason,
        String issuedBy,
        Instant issuedAt,
        BigDecimal orderTotal,
        BigDecimal invoicedBalanceAfter) {

    public BillingDocumentData {
        if (type != ReportType.INVOICE && type != ReportType.CREDIT_NOTE) {
            throw new IllegalArgumentException("A billing document is an INVOICE or a CREDIT_NOTE, not " + type);
        }
        if (orderId == null) {
            throw new IllegalArgumentException("A billing document belongs to an order");
        }
        // The number is the report's dedup key and file name.
        if (documentNumber == null || documentNumber.isBlank()) {
            throw new IllegalArgumentException("A billing document needs its number");
        }
        boolean namesInvoice = creditedInvoiceNumber != null && !creditedInvoiceNumber.isBlank();
        if (type == ReportType.CREDIT_NOTE && !namesInvoice) {
            throw new IllegalArgumentException("Credit note " + documentNumber + " must name the invoice it credits");
        }
        if (type == ReportType.INVOICE && creditedInvoiceNumber != null) {
            throw new IllegalArgumentException("Invoice " + documentNumber + " credits no invoice");
        }
    }

    boolean isCreditNote() {
        return type == ReportType.CREDIT_NOTE;
    }
}
