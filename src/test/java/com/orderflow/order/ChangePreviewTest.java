package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.orderflow.order.ChangePreview.Draft;
import com.orderflow.order.ChangePreview.Goods;

class ChangePreviewTest {

    private static final LocalDate CONTRACT = LocalDate.of(2027, 1, 30);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aNewSkuOnAnInvoicedDeliveredOrderIsSettledAndScheduledOnTheContractDate() {
        Delivery done = delivered("ERP", 1);
        Invoice invoice = invoice("100000.00");

        var preview = ChangePreview.of("CNY", new BigDecimal("100000.00"), CONTRACT, List.of(invoice), List.of(done),
                new Draft(List.of(line("ERP", 1), line("MOBILE", 1)), CONTRACT, new BigDecimal("125000.00")),
                TODAY);

        assertThat(preview.settle()).isEqualByComparingTo("25000.00");
        assertThat(preview.goods()).containsExactly(new Goods(DeliveryType.DELIVERY, "MOBILE", 1, CONTRACT));
    }

    @Test
    void fewerDeliveredPiecesAreReturnedAndCreditedAgainstTheBalanceLessItsCreditNotes() {
        Delivery done = delivered("ERP", 3);
        Invoice invoice = invoice("3000.00");
        invoice.credit(new BigDecimal("500.00"));

        var preview = ChangePreview.of("CNY", new BigDecimal("3000.00"), CONTRACT, List.of(invoice), List.of(done),
                new Draft(List.of(line("ERP", 1)), CONTRACT, new BigDecimal("1000.00")), TODAY);

        assertThat(preview.settle()).isEqualByComparingTo("-1500.00");
        assertThat(preview.goods()).containsExactly(new Goods(DeliveryType.RETURN, "ERP", 2, CONTRACT));
    }

    @Test
    void aReturnAfterThePassedContractDateIsScheduledForToday() {
        LocalDate past = LocalDate.of(2026, 6, 1);
        var preview = ChangePreview.of("CNY", new BigDecimal("3000.00"), past, List.of(), List.of(delivered("ERP", 3)),
                new Draft(List.of(line("ERP", 1)), past, new BigDecimal("1000.00")), TODAY);

        assertThat(preview.settle()).as("no invoices, nothing to settle").isNull();
        assertThat(preview.goods()).containsExactly(new Goods(DeliveryType.RETURN, "ERP", 2, TODAY));
    }

    @Test
    void lessOfAScheduledSkuComesOffTheDeliveryAtTheNewDate() {
        Delivery scheduled = new Delivery(1L, DeliveryType.DELIVERY, CONTRACT);
        scheduled.adjust("ERP", 3);
        LocalDate later = CONTRACT.plusDays(10);

        var preview = ChangePreview.of("CNY", new BigDecimal("3000.00"), CONTRACT, List.of(invoice("3000.00")),
                List.of(scheduled), new Draft(List.of(line("ERP", 2)), later, new BigDecimal("2000.00")), TODAY);

        assertThat(preview.goods()).containsExactly(new Goods(DeliveryType.DELIVERY, "ERP", -1, later));
    }

    @Test
    void aTotalThatStaysOrOnlyVoidInvoicesSettleNothing() {
        Invoice voided = invoice("3000.00");
        voided.voidFor("wrong customer", "finance1", Instant.EPOCH);
        Draft sameTotal = new Draft(List.of(line("ERP", 3)), CONTRACT, new BigDecimal("3000.00"));

        assertThat(ChangePreview.of("CNY", new BigDecimal("3000.00"), CONTRACT, List.of(invoice("2000.00")),
                List.of(), sameTotal, TODAY).settle()).isNull();
        assertThat(ChangePreview.settle(new BigDecimal("3000.00"), List.of(voided), new BigDecimal("4000.00")))
                .isNull();
    }

    private static Delivery delivered(String sku, int quantity) {
        Delivery delivery = new Delivery(1L, DeliveryType.DELIVERY, CONTRACT.minusMonths(1));
        delivery.adjust(sku, quantity);
        delivery.markDelivered(Instant.EPOCH);
        return delivery;
    }

    private static Invoice invoice(String amount) {
        return new Invoice(1L, "INV-2026-000001", new BigDecimal(amount), "CNY", "first", "finance1", Instant.EPOCH,
                null);
    }

    private static LineItem line(String sku, int quantity) {
        return new LineItem(sku, sku + " licence", quantity, new BigDecimal("1000.00"));
    }
}
