package com.orderflow.review;

/** The anomalies the periodic review looks for in every closed order. */
public enum FindingKind {
    /** The sum of the order's issued (not void) invoices differs from the order total. */
    INVOICE_TOTAL_MISMATCH("Invoice total differs from order total (发票金额与订单总额不符)"),
    /** An invoice has been waiting for reissue longer than {@code orderflow.review.reissue-overdue}. */
    REISSUE_OVERDUE("Invoice reissue overdue (发票重开逾期)"),
    /** A modification request has been in approval longer than {@code orderflow.review.stuck-after}. */
    REQUEST_STUCK("Modification request stuck in approval (修改申请审批停滞)"),
    /** The closed order has no contract. */
    MISSING_CONTRACT("No contract (缺少合同)"),
    /** The closed order has a delivery that is not DELIVERED. */
    UNDELIVERED("Undelivered lines (未交付)");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
