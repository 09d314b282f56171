package com.orderflow.settlement;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * What finance reads of a settlement in Tasklist and emails: amounts as both languages write them
 * ("25,000.00"), and the bilingual sentence that tells what the settlement proposes.
 */
final class SettlementTexts {

    private SettlementTexts() {
    }

    /** Grouped thousands, two decimals: "100,000.00". */
    static String money(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount);
    }

    /** A difference, with its sign: "+25,000.00", "-800.00", "0.00". */
    static String signedMoney(BigDecimal amount) {
        return (amount.signum() > 0 ? "+" : "") + money(amount);
    }

    static String proposal(SettlementPlan.Proposal proposal, String currency) {
        String amount = money(proposal.amount()) + " " + currency;
        return switch (proposal.action()) {
            case SUPPLEMENTARY_INVOICE -> "开具补充发票 " + amount + " / Issue a supplementary invoice of " + amount;
            case CREDIT_NOTE -> "开具贷项通知单 " + amount + " / Issue credit notes of " + amount;
            case VOID_AND_REISSUE -> "作废并重开发票 " + amount + " / Void the invoices and reissue " + amount;
            case NONE -> "已开票余额等于订单总额，无需开具单据 / The invoiced balance is the order total: no documents";
        };
    }
}
