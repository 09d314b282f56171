package com.orderflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.orderflow.settlement.SettlementPlan.Action;
import com.orderflow.settlement.SettlementPlan.Document;
import com.orderflow.settlement.SettlementPlan.Kind;
import com.orderflow.settlement.SettlementPlan.OpenInvoice;
import com.orderflow.settlement.SettlementPlan.Proposal;

class SettlementPlanTest {

    private static final OpenInvoice FIRST = new OpenInvoice(1L, "INV-1", money("100000.00"), false);
    private static final OpenInvoice SECOND = new OpenInvoice(2L, "INV-2", money("20000.00"), false);

    @Test
    void aHigherTotalProposesASupplementaryInvoiceOfTheDifference() {
        assertThat(SettlementPlan.propose(money("145000.00"), List.of(FIRST, SECOND)))
                .isEqualTo(new Proposal(Action.SUPPLEMENTARY_INVOICE, money("25000.00")));
        assertThat(SettlementPlan.documents(Action.SUPPLEMENTARY_INVOICE, money("25000.00"), money("145000.00"),
                List.of(FIRST, SECOND))).containsExactly(new Document(Kind.INVOICE, null, money("25000.00")));
    }

    @Test
    void aLowerTotalIsCreditedAgainstTheNewestInvoicesFirst() {
        assertThat(SettlementPlan.propose(money("90000.00"), List.of(FIRST, SECOND)))
                .isEqualTo(new Proposal(Action.CREDIT_NOTE, money("30000.00")));
        assertThat(SettlementPlan.documents(Action.CREDIT_NOTE, money("30000.00"), money("90000.00"),
                List.of(FIRST, SECOND))).containsExactly(new Document(Kind.CREDIT_NOTE, 2L, money("20000.00")),
                        new Document(Kind.CREDIT_NOTE, 1L, money("10000.00")));
    }

    @Test
    void voidAndReissueVoidsEveryInvoiceAndInvoicesTheNewTotal() {
        assertThat(SettlementPlan.documents(Action.VOID_AND_REISSUE, money("90000.00"), money("90000.00"),
                List.of(FIRST, SECOND))).containsExactly(new Document(Kind.VOID, 1L, money("100000.00")),
                        new Document(Kind.VOID, 2L, money("20000.00")),
                        new Document(Kind.INVOICE, null, money("90000.00")));
    }

    @Test
    void documentsThatDoNotAddUpAreRefused() {
        List<OpenInvoice> invoices = List.of(FIRST, SECOND);
        assertThatThrownBy(() -> SettlementPlan.documents(Action.SUPPLEMENTARY_INVOICE, money("100.00"),
                money("145000.00"), invoices)).isInstanceOf(SettlementPlan.Refused.class)
                .hasMessageContaining("25000.00");
        assertThatThrownBy(() -> SettlementPlan.documents(Action.CREDIT_NOTE, money("25000.00"), money("145000.00"),
                invoices)).isInstanceOf(SettlementPlan.Refused.class).hasMessageContaining("other way");
        assertThatThrownBy(() -> SettlementPlan.documents(Action.NONE, null, money("145000.00"), invoices))
                .isInstanceOf(SettlementPlan.Refused.class);
        assertThatThrownBy(() -> SettlementPlan.documents(Action.VOID_AND_REISSUE, money("120000.00"),
                money("145000.00"), invoices)).isInstanceOf(SettlementPlan.Refused.class)
                .hasMessageContaining("145000.00");
    }

    @Test
    void anInvoiceWithCreditNotesIsNotVoided() {
        OpenInvoice credited = new OpenInvoice(3L, "INV-3", money("50.00"), true);
        assertThatThrownBy(() -> SettlementPlan.documents(Action.VOID_AND_REISSUE, money("10.00"), money("10.00"),
                List.of(credited))).isInstanceOf(SettlementPlan.Refused.class).hasMessageContaining("credit notes");
    }

    @Test
    void aBalanceThatIsTheTotalProposesNothing() {
        assertThat(SettlementPlan.propose(money("120000.00"), List.of(FIRST, SECOND)).action()).isEqualTo(Action.NONE);
        assertThat(SettlementPlan.documents(Action.NONE, null, money("120000.00"), List.of(FIRST, SECOND))).isEmpty();
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}
