package com.orderflow.modification;

/**
 * The keys and variables of order-modification.bpmn and modification-approval.dmn that code refers to; analysts
 * keep them stable in the diagrams (a deployment that loses one is refused, see
 * {@link ModificationProcessRequirements}). Only ids and small values: steps find their request from the
 * instance ({@link ModificationInstances}), because a caller of /engine-rest might try to write these.
 */
public final class ModificationProcess {

    public static final String KEY = "order-modification";

    public static final String APPROVE_TASK = "approve-modification";
    public static final String ESCALATED_APPROVAL_TASK = "escalated-approval";
    public static final String REVISE_REQUEST_TASK = "revise-request";
    public static final String RESOLVE_CONFLICT_TASK = "resolve-conflict";

    /** Camunda Forms (their {@code id}) of the tasks whose fields code reads. */
    public static final String APPROVE_FORM = "approve-modification";
    public static final String REVISE_REQUEST_FORM = "revise-request";

    /** The decision that names the approver groups of a modification (portal preview and process alike). */
    public static final String APPROVAL_DECISION = "modification-approval";

    /** For forms, task names and Cockpit's search only (see above). */
    public static final String REQUEST_ID = "requestId";
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
    /** The decision's output: one approver group. */
    public static final String APPROVER_GROUP = "approverGroup";
    public static final String ANY_REJECTED = "anyRejected";
    public static final String RESUBMIT = "resubmit";
    public static final String CONFLICT = "conflict";
    public static final String REPORT_ID = "reportId";
    public static final String ROUND = "round";

    private ModificationProcess() {
    }
}
