package com.orderflow.review;

/** The anomalies the periodic review looks for in every closed order. */
public enum FindingKind {
    /** The invoiced balance differs from the order total and no settlement is open to put it right. */
    INVOICE_TOTAL_MISMATCH("Invoiced balance differs from order total, no settlement open (已开票余额与订单总额不符且无结算)"),
    /** An invoice has been waiting for reissue longer than {@code orderflow.review.reissue-overdue}. */
    REISSUE_OVERDUE("Invoice reissue overdue (发票重开逾期)"),
    /** A modification request has been in approval longer than {@code orderflow.review.stuck-after}. */
    REQUEST_STUCK("Modification request stuck in approval (修改申请审批停滞)"),
    /** The closed order has no contract. */
    MISSING_CONTRACT("No contract (缺少合同)"),
    /** The closed order has a delivery or return still SCHEDULED. */
    UNDELIVERED("Undelivered lines (未交付)");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
