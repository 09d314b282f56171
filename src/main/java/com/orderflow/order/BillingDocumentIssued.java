package com.orderflow.order;

/**
 * Raised in the issuing transaction when an invoice or credit note is issued, so its PDF is written
 * with it (see the report package).
 */
public record BillingDocumentIssued(Kind kind, Long documentId, Long orderId) {

    public enum Kind {
        INVOICE, CREDIT_NOTE
    }
}
