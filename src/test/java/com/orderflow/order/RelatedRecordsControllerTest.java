package com.orderflow.order;

import static com.orderflow.support.Problems.problem;
import static com.orderflow.support.SliceUsers.actor;
import static com.orderflow.support.SliceUsers.as;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import com.orderflow.shared.NotFoundException;
import com.orderflow.support.ApiSlice;

/** An order's deliveries: sign-in, another rep's order, a bad id, a second completion and the JSON of one. */
@ApiSlice(RelatedRecordsController.class)
class RelatedRecordsControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RelatedRecordsService records;

    @Test
    void withoutSignInTheDeliveriesAnswer401() throws Exception {
        mvc.perform(get("/api/orders/7/deliveries")).andExpect(problem(HttpStatus.UNAUTHORIZED));
        mvc.perform(post("/api/orders/7/deliveries/3/delivered")).andExpect(problem(HttpStatus.UNAUTHORIZED));
        verifyNoInteractions(records);
    }

    @Test
    void theDeliveriesOfAnotherRepsOrderAreNotFound() throws Exception {
        when(records.deliveries(7L, actor("sales2"))).thenThrow(new NotFoundException("Order", 7L));

        mvc.perform(get("/api/orders/7/deliveries").with(as("sales2")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "Order 7 does not exist"));
    }

    @Test
    void aDeliveryIsListedWithItsLines() throws Exception {
        Delivery delivery = delivery(3L);
        when(records.deliveries(7L, actor("sales1"))).thenReturn(List.of(delivery));

        mvc.perform(get("/api/orders/7/deliveries").with(as("sales1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(3))
                .andExpect(jsonPath("$[0].type").value("DELIVERY"))
                .andExpect(jsonPath("$[0].scheduledDate").value("2027-01-31"))
                .andExpect(jsonPath("$[0].status").value("SCHEDULED"))
                .andExpect(jsonPath("$[0].lines").isArray())
                .andExpect(jsonPath("$[0].deliveredAt").doesNotExist());
    }

    @Test
    void markingDoneAnswersTheDeliveryAndASecondTimeConflicts() throws Exception {
        Delivery delivery = delivery(3L);
        delivery.markDelivered(Instant.parse("2027-01-30T10:00:00Z"));
        when(records.markDelivered(7L, 3L, actor("sales1"))).thenReturn(delivery);
        when(records.markDelivered(7L, 4L, actor("sales1")))
                .thenThrow(new OrderStateException("Delivery 4 is DELIVERED, not SCHEDULED"));

        mvc.perform(post("/api/orders/7/deliveries/3/delivered").with(as("sales1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DELIVERED"))
                .andExpect(jsonPath("$.deliveredAt").value("2027-01-30T10:00:00Z"));
        mvc.perform(post("/api/orders/7/deliveries/4/delivered").with(as("sales1")))
                .andExpect(problem(HttpStatus.CONFLICT, "Delivery 4 is DELIVERED, not SCHEDULED"));
    }

    @Test
    void onlyThoseWhoMayChangeTheOrderMarkADelivery() throws Exception {
        when(records.markDelivered(7L, 3L, actor("finance1")))
                .thenThrow(new AccessDeniedException("You may not change order SO-2026-7"));

        mvc.perform(post("/api/orders/7/deliveries/3/delivered").with(as("finance1")))
                .andExpect(problem(HttpStatus.FORBIDDEN, "You may not change order SO-2026-7"));
    }

    @Test
    void aBadIdIsABadRequest() throws Exception {
        mvc.perform(post("/api/orders/7/deliveries/three/delivered").with(as("sales1")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "Parameter deliveryId has a value of the wrong type"));
        verifyNoInteractions(records);
    }

    private static Delivery delivery(long id) {
        Delivery delivery = new Delivery(7L, DeliveryType.DELIVERY, LocalDate.of(2027, 1, 31));
        ReflectionTestUtils.setField(delivery, "id", id);
        return delivery;
    }
}
