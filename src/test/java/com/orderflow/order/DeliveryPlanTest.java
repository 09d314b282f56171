package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.orderflow.order.DeliveryPlan.Adjustment;
import com.orderflow.order.DeliveryPlan.Position;

class DeliveryPlanTest {

    private static final LocalDate DATE = LocalDate.of(2027, 1, 30);

    @Test
    void aNewSkuGoesOnANewDeliveryOnceTheOnlyDeliveryIsDelivered() {
        Delivery done = delivery(DeliveryType.DELIVERY, "ERP", 1);
        done.markDelivered(java.time.Instant.EPOCH);

        var adjustments = DeliveryPlan.settle(DeliveryPlan.positions(Map.of("ERP", 1, "MOBILE", 1), List.of(done)));

        assertThat(adjustments).containsExactly(new Adjustment(DeliveryType.DELIVERY, "MOBILE", 1));
    }

    @Test
    void moreOfASkuGoesOnTheScheduledDelivery() {
        var adjustments = DeliveryPlan.settle(DeliveryPlan.positions(Map.of("ERP", 5),
                List.of(delivery(DeliveryType.DELIVERY, "ERP", 3))));

        assertThat(adjustments).containsExactly(new Adjustment(DeliveryType.DELIVERY, "ERP", 2));
    }

    @Test
    void lessOfAScheduledSkuComesOffTheScheduledDelivery() {
        var adjustments = DeliveryPlan.settle(DeliveryPlan.positions(Map.of("ERP", 1),
                List.of(delivery(DeliveryType.DELIVERY, "ERP", 3))));

        assertThat(adjustments).containsExactly(new Adjustment(DeliveryType.DELIVERY, "ERP", -2));
    }

    @Test
    void lessThanAlreadyDeliveredSchedulesAReturnOfTheExcess() {
        Delivery done = delivery(DeliveryType.DELIVERY, "ERP", 3);
        done.markDelivered(java.time.Instant.EPOCH);

        var adjustments = DeliveryPlan.settle(DeliveryPlan.positions(Map.of("ERP", 1), List.of(done)));

        assertThat(adjustments).containsExactly(new Adjustment(DeliveryType.RETURN, "ERP", 2));
    }

    @Test
    void aRemovedSkuPartlyDeliveredLosesItsScheduledRestAndReturnsTheDelivered() {
        Delivery done = delivery(DeliveryType.DELIVERY, "ERP", 2);
        done.markDelivered(java.time.Instant.EPOCH);
        Delivery scheduled = delivery(DeliveryType.DELIVERY, "ERP", 1);

        var adjustments = DeliveryPlan.settle(DeliveryPlan.positions(Map.of(), List.of(done, scheduled)));

        assertThat(adjustments).containsExactly(new Adjustment(DeliveryType.DELIVERY, "ERP", -1),
                new Adjustment(DeliveryType.RETURN, "ERP", 2));
    }

    @Test
    void orderingBackWhatIsScheduledToReturnCancelsTheReturnFirst() {
        Delivery done = delivery(DeliveryType.DELIVERY, "ERP", 3);
        done.markDelivered(java.time.Instant.EPOCH);
        Delivery pendingReturn = delivery(DeliveryType.RETURN, "ERP", 2);

        var adjustments = DeliveryPlan.settle(DeliveryPlan.positions(Map.of("ERP", 4), List.of(done, pendingReturn)));

        assertThat(adjustments).containsExactly(new Adjustment(DeliveryType.RETURN, "ERP", -2),
                new Adjustment(DeliveryType.DELIVERY, "ERP", 1));
    }

    @Test
    void positionsCountDoneAndScheduledDeliveriesAndReturnsAndSkipCancelledOnes() {
        Delivery delivered = delivery(DeliveryType.DELIVERY, "ERP", 4);
        delivered.markDelivered(java.time.Instant.EPOCH);
        Delivery returned = delivery(DeliveryType.RETURN, "ERP", 1);
        returned.markDelivered(java.time.Instant.EPOCH);
        Delivery cancelled = delivery(DeliveryType.DELIVERY, "ERP", 1);
        cancelled.adjust("ERP", -1);

        List<Position> positions = DeliveryPlan.positions(Map.of("ERP", 3), List.of(delivered, returned, cancelled));

        assertThat(cancelled.getStatus()).isEqualTo(DeliveryStatus.CANCELLED);
        assertThat(positions).containsExactly(new Position("ERP", 3, 4, 0, 1, 0));
        assertThat(positions.get(0).withCustomer()).isEqualTo(3);
        assertThat(DeliveryPlan.settle(positions)).isEmpty();
    }

    @Test
    void orderedSumsASkuListedOnSeveralLines() {
        var lines = List.of(new LineItem("ERP", "a", 2, BigDecimal.ONE), new LineItem("ERP", "b", 3, BigDecimal.ONE),
                new LineItem("MOBILE", "c", 1, BigDecimal.ONE));

        assertThat(DeliveryPlan.ordered(lines)).isEqualTo(Map.of("ERP", 5, "MOBILE", 1));
    }

    private static Delivery delivery(DeliveryType type, String sku, int quantity) {
        Delivery delivery = new Delivery(1L, type, DATE);
        delivery.adjust(sku, quantity);
        return delivery;
    }
}
