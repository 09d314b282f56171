package com.orderflow.process;

/**
 * The variables contract of the processes: ids and small values only, never entities. The ids and the
 * requester are there for forms, task names and Cockpit's search only: steps find their request from the
 * instance ({@link ProcessRequests}), because a caller of /engine-rest might try to write these.
 */
public final class ProcessVariables {

    public static final String REQUEST_ID = "requestId";
    public static final String SETTLEMENT_ID = "settlementId";
    public static final String ORDER_ID = "orderId";
    public static final String ORDER_NUMBER = "orderNumber";
    public static final String REQUESTER = "requester";

    /** Inputs of the modification-approval DMN. */
    public static final String ORDER_STATUS = "orderStatus";
    public static final String TOTAL_DELTA = "totalDelta";
    public static final String DISCOUNT_PERCENT = "discountPercent";
    public static final String CONTRACT_CHANGED = "contractChanged";
    public static final String REASON = "reason";

    /** Shown in the approval form. */
    public static final String REASON_LABEL = "reasonLabel";
    public static final String DESCRIPTION = "description";
    public static final String CHANGE_SUMMARY = "changeSummary";

    public static final String APPROVER_GROUPS = "approverGroups";
    public static final String REQUIRED_APPROVALS = "requiredApprovals";
    public static final String APPROVER_GROUP = "approverGroup";
    public static final String ANY_REJECTED = "anyRejected";
    public static final String APPROVED = "approved";
    public static final String COMMENT = "comment";
    public static final String RESUBMIT = "resubmit";
    public static final String CONFLICT = "conflict";
    public static final String REPORT_ID = "reportId";
    public static final String ROUND = "round";
    /** The mail template a send-email instance sends. */
    public static final String TEMPLATE = "template";

    /** order-closing and order-reopening. */
    public static final String OWNER = "owner";
    public static final String CHECKS_PASSED = "checksPassed";
    public static final String FAILED_CHECKS = "failedChecks";
    public static final String RETRY = "retry";
    public static final String CLOSED_REVISION = "closedRevision";
    public static final String DECIDED_BY = "decidedBy";

    private ProcessVariables() {
    }
}
