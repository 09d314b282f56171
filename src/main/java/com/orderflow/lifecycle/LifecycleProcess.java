package com.orderflow.lifecycle;

import com.orderflow.modification.ApprovalDecisions;

/**
 * The keys and variables of order-closing.bpmn and order-reopening.bpmn that code refers to; analysts keep them
 * stable in the diagrams (a deployment that loses one is refused, see {@link LifecycleProcessRequirements}). Only
 * ids and small values: steps find their request from the instance ({@link LifecycleInstances}).
 */
public final class LifecycleProcess {

    public static final String CLOSING_KEY = "order-closing";
    public static final String REOPENING_KEY = "order-reopening";

    public static final String FIX_BEFORE_CLOSING_TASK = "fix-before-closing";
    public static final String APPROVE_REOPENING_TASK = "approve-reopening";

    /** Camunda Forms (their {@code id}) of the tasks whose fields code reads. */
    public static final String FIX_BEFORE_CLOSING_FORM = "fix-before-closing";
    public static final String APPROVE_REOPENING_FORM = "approve-reopening";

    /** For forms, task names and Cockpit's search only (see above). */
    public static final String ORDER_ID = "orderId";
    public static final String ORDER_NUMBER = "orderNumber";
    public static final String REQUESTER = "requester";
    public static final String OWNER = "owner";
    /** Why a reopening is asked for. */
    public static final String REASON = "reason";

    public static final String CHECKS_PASSED = "checksPassed";
    public static final String FAILED_CHECKS = "failedChecks";
    public static final String RETRY = "retry";
    public static final String CLOSED_REVISION = "closedRevision";
    public static final String REPORT_ID = "reportId";
    public static final String DECIDED_BY = "decidedBy";
    /** The reopening's decision, set again on the instance for its gateway and the rejection email. */
    public static final String APPROVED = ApprovalDecisions.APPROVED;
    public static final String COMMENT = ApprovalDecisions.COMMENT;

    private LifecycleProcess() {
    }
}
