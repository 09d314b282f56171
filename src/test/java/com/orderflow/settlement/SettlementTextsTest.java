package com.orderflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What finance reads of a settlement's figures in Tasklist and emails. */
class SettlementTextsTest {

    @Test
    void amountsAreGroupedWithTwoDecimalsAndDifferencesSigned() {
        assertThat(SettlementTexts.money(new BigDecimal("100000"))).isEqualTo("100,000.00");
        assertThat(SettlementTexts.money(new BigDecimal("1234567.5"))).isEqualTo("1,234,567.50");
        assertThat(SettlementTexts.signedMoney(new BigDecimal("25000.00"))).isEqualTo("+25,000.00");
        assertThat(SettlementTexts.signedMoney(new BigDecimal("-800"))).isEqualTo("-800.00");
        assertThat(SettlementTexts.signedMoney(BigDecimal.ZERO)).isEqualTo("0.00");
    }

    @Test
    void theProposalNamesTheAmountAsBothLanguagesWriteIt() {
        var proposal = SettlementPlan.propose(new BigDecimal("125000.00"), List.of(new SettlementPlan.OpenInvoice(1L,
                "INV-2026-000001", new BigDecimal("100000.00"), false)));
        assertThat(SettlementTexts.proposal(proposal, "CNY")).contains("25,000.00 CNY").doesNotContain("25000.00");
    }
}
