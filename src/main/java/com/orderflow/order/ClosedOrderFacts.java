package com.orderflow.order;

/**
 * The facts of every closed order that the periodic review checks, as the database function
 * {@code closed_order_facts} (migration V12) publishes them: one row per closed order, from its invoices,
 * contracts and deliveries, its settlements and its modification requests. A reader of these needs none
 * of those tables nor their status strings: what counts as invoiced, open, waiting or scheduled is said
 * once, there. The names of the function, its parameters and its columns are all here, as constants;
 * {@link #SELECT} reads every column.
 */
public final class ClosedOrderFacts {

    /** Parameter: invoices count as awaiting reissue when they entered NEEDS_REISSUE before this time. */
    public static final String AWAITING_REISSUE_BEFORE = "awaitingReissueBefore";
    /** Parameter: requests count as in approval when SUBMITTED or IN_APPROVAL and unchanged since before it. */
    public static final String IN_APPROVAL_BEFORE = "inApprovalBefore";

    public static final String ORDER_ID = "order_id";
    public static final String ORDER_NUMBER = "order_number";
    public static final String OWNER = "owner";
    public static final String CURRENCY = "currency";
    public static final String TOTAL = "total";
    /** The order's {@link InvoicedBalance}. */
    public static final String INVOICED = "invoiced";
    public static final String OPEN_SETTLEMENTS = "open_settlements";
    public static final String INVOICES_AWAITING_REISSUE = "invoices_awaiting_reissue";
    /** The oldest of those invoices' times, null when there is none. */
    public static final String AWAITING_REISSUE_SINCE = "awaiting_reissue_since";
    public static final String REQUESTS_IN_APPROVAL = "requests_in_approval";
    /** The oldest of those requests' last changes, null when there is none. */
    public static final String IN_APPROVAL_SINCE = "in_approval_since";
    public static final String CONTRACTS = "contracts";
    /** Deliveries and returns still SCHEDULED. */
    public static final String SCHEDULED_DELIVERIES = "scheduled_deliveries";

    /**
     * Every column of every closed order, the two times as named parameters ({@code :awaitingReissueBefore},
     * {@code :inApprovalBefore}). The function is inlined into the query, so a {@code where}, {@code order by}
     * and {@code limit} on {@link #ORDER_ID} appended to this read one page by the primary key. Built at
     * run time (not a compile-time constant), so the review's use of it shows in its compiled classes.
     */
    public static final String SELECT = "select " + String.join(", ", ORDER_ID, ORDER_NUMBER, OWNER, CURRENCY, TOTAL,
            INVOICED, OPEN_SETTLEMENTS, INVOICES_AWAITING_REISSUE, AWAITING_REISSUE_SINCE, REQUESTS_IN_APPROVAL,
            IN_APPROVAL_SINCE, CONTRACTS, SCHEDULED_DELIVERIES) + " from closed_order_facts(:" + AWAITING_REISSUE_BEFORE
            + ", :" + IN_APPROVAL_BEFORE + ")";

    private ClosedOrderFacts() {
    }
}
