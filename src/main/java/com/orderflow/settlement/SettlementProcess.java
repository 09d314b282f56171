package com.orderflow.settlement;

/**
 * The keys and variables of invoice-settlement.bpmn that code refers to; analysts keep them stable in the diagram
 * (a deployment that loses one is refused, see {@link SettlementProcessRequirements}).
 */
public final class SettlementProcess {

    public static final String KEY = "invoice-settlement";

    public static final String SETTLE_INVOICES_TASK = "settle-invoices";
    /** The Camunda Form (its {@code id}) of the settle task, whose fields code reads. */
    public static final String SETTLE_INVOICES_FORM = "settle-invoices";

    /** For forms, task names and Cockpit's search only: steps find their settlement from the instance. */
    public static final String SETTLEMENT_ID = "settlementId";
    public static final String ORDER_ID = "orderId";
    public static final String ORDER_NUMBER = "orderNumber";

    private SettlementProcess() {
    }
}
