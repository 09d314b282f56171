package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.orderflow.shared.ConflictException;
import com.orderflow.shared.InvalidFieldException;

class InvoicedBalanceTest {

    @Test
    void theBalanceIsTheInvoicesNotVoidLessTheirCreditNotes() {
        Invoice first = invoice("1000.00");
        Invoice second = invoice("500.00");
        Invoice voided = invoice("700.00");
        first.credit(new BigDecimal("200.00"));
        voided.voidFor("wrong customer", "finance1", Instant.EPOCH);

        InvoicedBalance balance = InvoicedBalance.of(List.of(first, second, voided));

        assertThat(balance.invoiced()).isEqualByComparingTo("1500.00");
        assertThat(balance.credited()).isEqualByComparingTo("200.00");
        assertThat(balance.balance()).isEqualByComparingTo("1300.00");
        assertThat(balance.differenceTo(new BigDecimal("1000.00"))).isEqualByComparingTo("-300.00");
    }

    @Test
    void anInvoiceWaitingForSettlementStillCounts() {
        Invoice flagged = invoice("1000.00");
        flagged.markNeedsReissue(Instant.EPOCH);

        assertThat(InvoicedBalance.of(List.of(flagged)).balance()).isEqualByComparingTo("1000.00");
        assertThat(InvoicedBalance.of(List.of()).balance()).isEqualByComparingTo("0");
    }

    @Test
    void aCreditNeverExceedsWhatIsLeftOnTheInvoice() {
        Invoice invoice = invoice("1000.00");
        invoice.credit(new BigDecimal("600.00"));

        assertThatThrownBy(() -> invoice.credit(new BigDecimal("400.01"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("400.00");
        assertThatThrownBy(() -> invoice.credit(BigDecimal.ZERO)).isInstanceOf(InvalidFieldException.class);
        invoice.credit(new BigDecimal("400.00"));
        assertThat(invoice.remaining()).isEqualByComparingTo("0");
    }

    @Test
    void anInvoiceIsVoidedOnceAndNotAfterItWasCredited() {
        Invoice invoice = invoice("1000.00");
        invoice.voidFor("duplicate", "finance1", Instant.EPOCH);
        assertThatThrownBy(() -> invoice.voidFor("again", "finance1", Instant.EPOCH))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already void");
        assertThatThrownBy(() -> invoice.credit(BigDecimal.ONE)).isInstanceOf(ConflictException.class);

        Invoice credited = invoice("1000.00");
        credited.credit(BigDecimal.TEN);
        assertThatThrownBy(() -> credited.voidFor("late", "finance1", Instant.EPOCH))
                .isInstanceOf(ConflictException.class).hasMessageContaining("credit notes");
    }

    @Test
    void anInvoiceOfNothingOrLessIsRefused() {
        assertThatThrownBy(() -> invoice("0.00")).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> invoice("-1.00")).isInstanceOf(InvalidFieldException.class);
    }

    private static Invoice invoice(String amount) {
        return new Invoice(1L, "INV-2026-000001", new BigDecimal(amount), "CNY", null, "finance1", Instant.EPOCH, null);
    }
}
