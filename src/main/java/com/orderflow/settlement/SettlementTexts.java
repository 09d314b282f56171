package com.orderflow.settlement;

/** The bilingual sentence that tells finance what the settlement proposes. */
final class SettlementTexts {

    private SettlementTexts() {
    }

    static String proposal(SettlementPlan.Proposal proposal, String currency) {
        String amount = proposal.amount().toPlainString() + " " + currency;
        return switch (proposal.action()) {
            case SUPPLEMENTARY_INVOICE -> "开具补充发票 " + amount + " / Issue a supplementary invoice of " + amount;
            case CREDIT_NOTE -> "开具贷项通知单 " + amount + " / Issue credit notes of " + amount;
            case VOID_AND_REISSUE -> "作废并重开发票 " + amount + " / Void the invoices and reissue " + amount;
            case NONE -> "已开票余额等于订单总额，无需开具单据 / The invoiced balance is the order total: no documents";
        };
    }
}
