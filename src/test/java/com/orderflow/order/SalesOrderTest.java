package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class SalesOrderTest {

    private static final ContractTerms TERMS = new ContractTerms(30, LocalDate.of(2027, 3, 31), 12, "Standard");

    private static SalesOrder order(String discount, LineItem... lines) {
        Customer customer = new Customer("ACME", "buyer@acme.test", null, null, null, null, "sales1");
        return new SalesOrder("SO-2026-000001", customer, "sales1", "EUR", new BigDecimal(discount), List.of(lines),
                TERMS, Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Test
    void theTotalIsTheSumOfTheLinesLessTheDiscount() {
        SalesOrder order = order("10", new LineItem("A", "Pump", 3, new BigDecimal("100.50")),
                new LineItem("B", "Valve", 1, new BigDecimal("49.50")));
        assertThat(order.getTotal()).isEqualByComparingTo("315.90");

        order.changeDiscount(new BigDecimal("0"));
        assertThat(order.getTotal()).isEqualByComparingTo("351.00");
        order.replaceLines(List.of(new LineItem("C", "Motor", 2, new BigDecimal("0.005"))));
        assertThat(order.getTotal()).isEqualByComparingTo("0.01");
    }

    @Test
    void aClosedOrderIsLockedUntilReopened() {
        SalesOrder order = order("0", new LineItem("A", "Pump", 1, BigDecimal.TEN));
        order.close("sales1", Instant.now());
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CLOSED);
        assertThatThrownBy(order::requireEditable).isInstanceOf(OrderLockedException.class)
                .hasMessageContaining("SO-2026-000001");
        assertThatThrownBy(order::cancel).isInstanceOf(OrderStateException.class);
        assertThatThrownBy(() -> order.close("sales1", Instant.now())).isInstanceOf(OrderStateException.class);

        order.reopen();
        order.requireEditable();
        assertThatThrownBy(order::reopen).isInstanceOf(OrderStateException.class);
        order.cancel();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void revisionsOnlyMoveForwardAndContractChangesBumpTheContractVersion() {
        SalesOrder order = order("0", new LineItem("A", "Pump", 1, BigDecimal.TEN));
        assertThat(order.getRevision()).isEqualTo(1);
        assertThat(order.nextRevision()).isEqualTo(2);
        assertThat(order.changeContract(TERMS)).isFalse();
        assertThat(order.getContract().getContractVersion()).isEqualTo(1);
        assertThat(order.changeContract(TERMS.withWarrantyMonths(24))).isTrue();
        assertThat(order.getContract().getContractVersion()).isEqualTo(2);
    }

    @Test
    void anOrderKeepsItsOwnCopyOfTheCustomersContact() {
        SalesOrder order = order("0", new LineItem("A", "Pump", 1, BigDecimal.TEN));
        assertThat(order.getContact()).isEqualTo(new OrderContact("ACME", null, "buyer@acme.test", null, null));

        order.changeContact(order.getContact().withEmail("new@acme.test").withPhone("+86 21 5555 0100"));
        assertThat(order.getContact()).isEqualTo(
                new OrderContact("ACME", null, "new@acme.test", "+86 21 5555 0100", null));
        assertThat(order.getCustomer().getEmail()).isEqualTo("buyer@acme.test");
        assertThat(order.getCustomer().getPhone()).isNull();
    }
}
