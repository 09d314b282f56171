package com.orderflow.revision;

import static com.orderflow.support.Problems.problem;
import static com.orderflow.support.SliceUsers.actor;
import static com.orderflow.support.SliceUsers.as;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import com.orderflow.audit.AuditEvent;
import com.orderflow.audit.AuditTrail;
import com.orderflow.order.OrderAccess;
import com.orderflow.shared.NotFoundException;
import com.orderflow.support.ApiSlice;

/** An order's history: only for whoever may read the order; revisions, a diff and audit events as JSON. */
@ApiSlice(OrderHistoryController.class)
class OrderHistoryControllerTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RevisionService revisions;
    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    OrderAccess access;

    @Test
    void withoutSignInTheHistoryAnswers401() throws Exception {
        mvc.perform(get("/api/orders/7/revisions")).andExpect(problem(HttpStatus.UNAUTHORIZED));
        mvc.perform(get("/api/orders/7/audit")).andExpect(problem(HttpStatus.UNAUTHORIZED));
        verifyNoInteractions(access, revisions, audit);
    }

    @Test
    void theHistoryOfAnotherRepsOrderIsNotFound() throws Exception {
        doThrow(new NotFoundException("Order", 7L)).when(access).checkReadable(7L, actor("sales2"));

        for (String path : List.of("/revisions", "/revisions/1", "/revisions/1/diff/2", "/audit")) {
            mvc.perform(get("/api/orders/7" + path).with(as("sales2")))
                    .andExpect(problem(HttpStatus.NOT_FOUND, "Order 7 does not exist"));
        }
        verifyNoInteractions(revisions, audit);
    }

    @Test
    void anUnknownRevisionIsNotFoundAndABadNumberABadRequest() throws Exception {
        when(revisions.get(7L, 9)).thenThrow(new NotFoundException("Revision", 9));

        mvc.perform(get("/api/orders/7/revisions/9").with(as("sales1")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "Revision 9 does not exist"));
        mvc.perform(get("/api/orders/7/revisions/first").with(as("sales1")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "Parameter number has a value of the wrong type"));
    }

    @Test
    void revisionsAreListedAndOneCarriesItsSnapshot() throws Exception {
        OrderRevision first = new OrderRevision(7L, 1, "{\"discountPercent\": 0}", "sales1", AT, "CREATED", null);
        OrderRevision second = new OrderRevision(7L, 2, "{\"discountPercent\": 5}", "manager1", AT, "MODIFIED", 12L);
        when(revisions.list(7L)).thenReturn(List.of(first, second));
        when(revisions.get(7L, 1)).thenReturn(first);
        when(revisions.get(7L, 2)).thenReturn(second);

        mvc.perform(get("/api/orders/7/revisions").with(as("sales1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].number").value(1))
                .andExpect(jsonPath("$[0].createdBy").value("sales1"))
                .andExpect(jsonPath("$[0].createdAt").value("2026-03-01T09:00:00Z"))
                .andExpect(jsonPath("$[0].reason").value("CREATED"))
                .andExpect(jsonPath("$[0].requestId").doesNotExist())
                .andExpect(jsonPath("$[1].requestId").value(12));
        mvc.perform(get("/api/orders/7/revisions/2").with(as("sales1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.order.discountPercent").value(5));
        mvc.perform(get("/api/orders/7/revisions/1/diff/2").with(as("sales1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(1))
                .andExpect(jsonPath("$.to").value(2))
                .andExpect(jsonPath("$.changes[0].field").value("discountPercent"))
                .andExpect(jsonPath("$.changes[0].before").value(0))
                .andExpect(jsonPath("$.changes[0].after").value(5));
    }

    @Test
    void auditEventsCarryTheirStatesAsJson() throws Exception {
        AuditEvent event = BeanUtils.instantiateClass(AuditEvent.class);
        ReflectionTestUtils.setField(event, "id", 21L);
        ReflectionTestUtils.setField(event, "actor", "sales1");
        ReflectionTestUtils.setField(event, "action", "ORDER_UPDATED");
        ReflectionTestUtils.setField(event, "afterState", "{\"salesStage\": \"WON\"}");
        ReflectionTestUtils.setField(event, "occurredAt", AT);
        when(audit.forOrder(7L)).thenReturn(List.of(event));

        mvc.perform(get("/api/orders/7/audit").with(as("manager1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(21))
                .andExpect(jsonPath("$[0].actor").value("sales1"))
                .andExpect(jsonPath("$[0].action").value("ORDER_UPDATED"))
                .andExpect(jsonPath("$[0].after.salesStage").value("WON"))
                .andExpect(jsonPath("$[0].before").doesNotExist())
                .andExpect(jsonPath("$[0].occurredAt").value("2026-03-01T09:00:00Z"));
    }
}
