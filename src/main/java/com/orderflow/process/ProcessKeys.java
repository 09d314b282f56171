package com.orderflow.process;

/**
 * Process definition, task, decision and form keys that code refers to; analysts keep them stable in the diagrams
 * (a deployment that loses one is refused, see {@link CoreProcessRequirements}).
 */
public final class ProcessKeys {

    public static final String ORDER_MODIFICATION = "order-modification";
    public static final String ORDER_CLOSING = "order-closing";
    public static final String ORDER_REOPENING = "order-reopening";
    public static final String CLOSED_ORDER_REVIEW = "closed-order-review";
    public static final String SEND_EMAIL = "send-email";
    public static final String INVOICE_SETTLEMENT = "invoice-settlement";

    public static final String APPROVE_MODIFICATION_TASK = "approve-modification";
    public static final String ESCALATED_APPROVAL_TASK = "escalated-approval";
    public static final String REVISE_REQUEST_TASK = "revise-request";
    public static final String RESOLVE_CONFLICT_TASK = "resolve-conflict";
    public static final String FIX_BEFORE_CLOSING_TASK = "fix-before-closing";
    public static final String APPROVE_REOPENING_TASK = "approve-reopening";
    public static final String SETTLE_INVOICES_TASK = "settle-invoices";

    /** The decision that names the approver groups of a modification (portal preview and process alike). */
    public static final String MODIFICATION_APPROVAL_DECISION = "modification-approval";

    /** Camunda Forms (their {@code id}) of the tasks whose fields code reads. */
    public static final String APPROVE_MODIFICATION_FORM = "approve-modification";
    public static final String REVISE_REQUEST_FORM = "revise-request";
    public static final String FIX_BEFORE_CLOSING_FORM = "fix-before-closing";
    public static final String APPROVE_REOPENING_FORM = "approve-reopening";
    public static final String SETTLE_INVOICES_FORM = "settle-invoices";

    private ProcessKeys() {
    }
}
