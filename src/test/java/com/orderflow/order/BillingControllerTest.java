package com.orderflow.order;

import static com.orderflow.support.Problems.problem;
import static com.orderflow.support.SliceUsers.actor;
import static com.orderflow.support.SliceUsers.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import com.orderflow.order.BillingRequests.IssueInvoice;
import com.orderflow.shared.NotFoundException;
import com.orderflow.support.ApiSlice;

/** Invoices and credit notes: who may read and issue them, the amount's limits, a clash, an invoice's JSON. */
@ApiSlice(BillingController.class)
class BillingControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    BillingService billing;

    @Test
    void withoutSignInBillingAnswers401() throws Exception {
        mvc.perform(get("/api/orders/7/invoices")).andExpect(problem(HttpStatus.UNAUTHORIZED));
        mvc.perform(post("/api/orders/7/invoices").contentType(MediaType.APPLICATION_JSON).content("{\"amount\": 5}"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED));
        verifyNoInteractions(billing);
    }

    @Test
    void theInvoicesOfAnotherRepsOrderAreNotFound() throws Exception {
        when(billing.creditNotes(7L, actor("sales2"))).thenThrow(new NotFoundException("Order", 7L));
        when(billing.invoices(7L, actor("sales2"))).thenThrow(new NotFoundException("Order", 7L));

        mvc.perform(get("/api/orders/7/invoices").with(as("sales2")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "Order 7 does not exist"));
        mvc.perform(get("/api/orders/7/credit-notes").with(as("sales2")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "Order 7 does not exist"));
    }

    @Test
    void aRepWhoMayReadTheOrderMayNotIssueAnInvoice() throws Exception {
        when(billing.issueInvoice(eq(7L), any(IssueInvoice.class), eq(actor("sales1"))))
                .thenThrow(new AccessDeniedException("Only finance and admins may issue invoices"));

        mvc.perform(post("/api/orders/7/invoices").with(as("sales1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": 50}"))
                .andExpect(problem(HttpStatus.FORBIDDEN, "Only finance and admins may issue invoices"));
    }

    @Test
    void anAmountMustBePositiveInCentsAndANumber() throws Exception {
        for (String amount : List.of("-5", "0", "1.234", "1000000000001")) {
            mvc.perform(post("/api/orders/7/invoices").with(as("finance1")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"amount\": " + amount + "}"))
                    .andExpect(problem(HttpStatus.BAD_REQUEST, "The request has invalid fields"))
                    .andExpect(jsonPath("$.errors[0].field").value("amount"));
        }
        mvc.perform(post("/api/orders/7/invoices").with(as("finance1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": \"fifty\"}"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "A field has a value of the wrong type or format"))
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        mvc.perform(post("/api/invoices/3/void").with(as("finance1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "The request has invalid fields"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        verifyNoInteractions(billing);
    }

    @Test
    void anInvoiceKeptClashingWithARunningStepIsAConflictAfterThreeTries() throws Exception {
        when(billing.issueInvoice(eq(7L), any(IssueInvoice.class), eq(actor("finance1"))))
                .thenThrow(new OptimisticLockingException("changed by a job"));

        mvc.perform(post("/api/orders/7/invoices").with(as("finance1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": 50}"))
                .andExpect(problem(HttpStatus.CONFLICT,
                        "Someone else changed this at the same moment; read it again and retry"));
        verify(billing, times(3)).issueInvoice(eq(7L), any(IssueInvoice.class), eq(actor("finance1")));
    }

    @Test
    void anIssuedInvoiceHasItsLocationAndJson() throws Exception {
        Invoice invoice = new Invoice(7L, "INV-SO-2026-7-1", new BigDecimal("50.00"), "EUR", "Deposit", "finance1",
                Instant.parse("2026-03-01T09:00:00Z"), null);
        ReflectionTestUtils.setField(invoice, "id", 3L);
        when(billing.issueInvoice(eq(7L), eq(new IssueInvoice(new BigDecimal("50"), "Deposit")), eq(actor("finance1"))))
                .thenReturn(invoice);

        mvc.perform(post("/api/orders/7/invoices").with(as("finance1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": 50, \"reason\": \"Deposit\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/invoices/3"))
                .andExpect(jsonPath("$.id").value(3))
                .andExpect(jsonPath("$.orderId").value(7))
                .andExpect(jsonPath("$.number").value("INV-SO-2026-7-1"))
                .andExpect(jsonPath("$.amount").value(50.00))
                .andExpect(jsonPath("$.currency").value("EUR"))
                .andExpect(jsonPath("$.credited").value(0))
                .andExpect(jsonPath("$.remaining").value(50.00))
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andExpect(jsonPath("$.issuedBy").value("finance1"))
                .andExpect(jsonPath("$.creditNotes").isEmpty())
                .andExpect(jsonPath("$.voidReason").doesNotExist());
    }
}
