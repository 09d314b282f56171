package com.orderflow.settlement;

import static com.orderflow.support.Problems.problem;
import static com.orderflow.support.SliceUsers.actor;
import static com.orderflow.support.SliceUsers.as;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.orderflow.settlement.SettlementViews.SettlementView;
import com.orderflow.shared.NotFoundException;
import com.orderflow.support.ApiSlice;

/** Settlements: only for whoever may read the order, and the JSON of an open one. */
@ApiSlice(SettlementController.class)
class SettlementControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    SettlementQueries queries;

    @Test
    void withoutSignInSettlementsAnswer401() throws Exception {
        mvc.perform(get("/api/orders/7/settlements")).andExpect(problem(HttpStatus.UNAUTHORIZED));
        mvc.perform(get("/api/settlements/3")).andExpect(problem(HttpStatus.UNAUTHORIZED));
        verifyNoInteractions(queries);
    }

    @Test
    void theSettlementsOfAnotherRepsOrderAreNotFound() throws Exception {
        when(queries.forOrder(7L, actor("sales2"))).thenThrow(new NotFoundException("Order", 7L));
        when(queries.find(3L, actor("sales2"))).thenThrow(new NotFoundException("Settlement", 3L));

        mvc.perform(get("/api/orders/7/settlements").with(as("sales2")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "Order 7 does not exist"));
        mvc.perform(get("/api/settlements/3").with(as("sales2")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "Settlement 3 does not exist"));
    }

    @Test
    void aBadIdIsABadRequest() throws Exception {
        mvc.perform(get("/api/settlements/3.5").with(as("finance1")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "Parameter id has a value of the wrong type"));
        verifyNoInteractions(queries);
    }

    @Test
    void anOpenSettlementShowsItsProposalAndTask() throws Exception {
        SettlementView open = new SettlementView(3L, 7L, "SO-2026-7", "OPEN", "EUR", new BigDecimal("200.00"),
                new BigDecimal("150.00"), new BigDecimal("200.00"), new BigDecimal("-50.00"), "CREDIT_NOTE",
                new BigDecimal("50.00"), "Credit 50.00 against INV-1", "task-1", Instant.parse("2026-03-01T09:00:00Z"),
                "manager1", null, null, null, List.of());
        when(queries.find(3L, actor("finance1"))).thenReturn(open);
        when(queries.forOrder(7L, actor("finance1"))).thenReturn(List.of(open));

        mvc.perform(get("/api/settlements/3").with(as("finance1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(3))
                .andExpect(jsonPath("$.orderNumber").value("SO-2026-7"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.difference").value(-50.00))
                .andExpect(jsonPath("$.proposedAction").value("CREDIT_NOTE"))
                .andExpect(jsonPath("$.taskId").value("task-1"))
                .andExpect(jsonPath("$.openedAt").value("2026-03-01T09:00:00Z"))
                .andExpect(jsonPath("$.settledAt").doesNotExist())
                .andExpect(jsonPath("$.documents").isEmpty());
        mvc.perform(get("/api/orders/7/settlements").with(as("finance1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(3));
    }
}
