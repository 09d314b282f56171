package com.orderflow.order;

import static com.orderflow.support.Problems.problem;
import static com.orderflow.support.SliceUsers.actor;
import static com.orderflow.support.SliceUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.orderflow.order.OrderRequests.CreateOrder;
import com.orderflow.order.OrderRequests.PatchOrder;
import com.orderflow.shared.Actor;
import com.orderflow.shared.NotFoundException;
import com.orderflow.shared.PreconditionFailedException;
import com.orderflow.shared.PreconditionRequiredException;
import com.orderflow.support.ApiSlice;

/** The order API's answers: who may call it, its error shapes and the JSON of an order and of a page. */
@ApiSlice(OrderController.class)
class OrderControllerTest {

    private static final String ORDER = """
            {"customerId": 5, "currency": "EUR", "lines": [
              {"sku": "PUMP", "description": "Pump", "quantity": 2, "unitPrice": 100.00}],
             "contract": {"paymentTermsDays": 30, "deliveryDate": "2027-01-31", "warrantyMonths": 12}}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    OrderService orders;
    @MockitoBean
    OrderViewer views;
    @MockitoBean
    OrderSearch search;
    @Autowired
    IdentityService engineIdentity;

    @Test
    void withoutSignInTheApiAnswers401AsAProblem() throws Exception {
        mvc.perform(get("/api/orders/7"))
                .andExpect(problem(HttpStatus.UNAUTHORIZED))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"orderflow\""));
        mvc.perform(get("/api/orders/7").with(httpBasic("sales1", "wrong")))
                .andExpect(problem(HttpStatus.UNAUTHORIZED));
        verifyNoInteractions(orders);
    }

    @Test
    void anOrderOfAnotherRepIsNotFound() throws Exception {
        when(orders.find(7L, actor("sales2"))).thenThrow(new NotFoundException("Order", 7L));

        mvc.perform(get("/api/orders/7").with(as("sales2")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "Order 7 does not exist"))
                .andExpect(jsonPath("$.instance").value("/api/orders/7"));
    }

    @Test
    void anApiCallRunsAsItsUserInTheEngineAndOnlyForTheCall() throws Exception {
        clearInvocations(engineIdentity);
        when(orders.find(7L, actor("manager1"))).thenThrow(new NotFoundException("Order", 7L));

        mvc.perform(get("/api/orders/7").with(as("manager1"))).andExpect(status().isNotFound());
        verify(engineIdentity).setAuthentication("manager1", List.of(Actor.SALES_MANAGERS));
        verify(engineIdentity).clearAuthentication();
    }

    @Test
    void anOrderIsAnsweredWithItsETag() throws Exception {
        SalesOrder order = OrderFixtures.order(7L, "sales1", 3L);
        when(orders.find(7L, actor("sales1"))).thenReturn(order);
        when(views.of(order)).thenReturn(OrderViews.OrderView.of(order, InvoicedBalance.of(List.of())));

        mvc.perform(get("/api/orders/7").with(as("sales1")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.id").value(7))
                .andExpect(jsonPath("$.orderNumber").value("SO-2026-7"))
                .andExpect(jsonPath("$.customerId").value(5))
                .andExpect(jsonPath("$.customerName").value("Slice Ltd"))
                .andExpect(jsonPath("$.customer.email").value("buyer@slice.test"))
                .andExpect(jsonPath("$.owner").value("sales1"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.total").value(200.00))
                .andExpect(jsonPath("$.invoicedBalance").value(0))
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.createdAt").value("2026-03-01T09:00:00Z"))
                .andExpect(jsonPath("$.lines[0].sku").value("PUMP"))
                .andExpect(jsonPath("$.contract.deliveryDate").value("2027-01-31"))
                // null fields are left out, not sent as null
                .andExpect(jsonPath("$.closedAt").doesNotExist());
    }

    @Test
    void aCreatedOrderHasItsLocationAndETag() throws Exception {
        SalesOrder order = OrderFixtures.order(8L, "sales1", 0L);
        when(orders.create(any(CreateOrder.class), eq(actor("sales1")))).thenReturn(order);
        when(views.of(order)).thenReturn(OrderViews.OrderView.of(order, InvoicedBalance.of(List.of())));

        mvc.perform(post("/api/orders").with(as("sales1")).contentType(MediaType.APPLICATION_JSON).content(ORDER))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/orders/8"))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.id").value(8));
    }

    @Test
    void invalidFieldsAreListed() throws Exception {
        mvc.perform(post("/api/orders").with(as("sales1")).contentType(MediaType.APPLICATION_JSON)
                        .content(ORDER.replace("\"EUR\"", "\"euro\"").replace("\"quantity\": 2", "\"quantity\": 0")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "The request has invalid fields"))
                .andExpect(jsonPath("$.errors[?(@.field == 'currency')].message")
                        .value("must be an ISO 4217 code such as EUR"))
                .andExpect(jsonPath("$.errors[?(@.field == 'lines[0].quantity')]").exists());
        verifyNoInteractions(orders);
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesAreBadRequests() throws Exception {
        mvc.perform(post("/api/orders").with(as("sales1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\": "))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "The body is not well-formed JSON"));
        mvc.perform(post("/api/orders").with(as("sales1")).contentType(MediaType.APPLICATION_JSON).content(ORDER + "}"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "The body is not well-formed JSON"));
        mvc.perform(post("/api/orders").with(as("sales1")).contentType(MediaType.APPLICATION_JSON)
                        .content(ORDER.replace("\"customerId\": 5", "\"customerId\": 5, \"owner\": \"sales2\"")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "Unknown field owner"))
                .andExpect(jsonPath("$.errors[0].field").value("owner"));
        mvc.perform(post("/api/orders").with(as("sales1")).contentType(MediaType.APPLICATION_JSON)
                        .content(ORDER.replace("\"customerId\": 5", "\"customerId\": \"five\"")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "A field has a value of the wrong type or format"))
                .andExpect(jsonPath("$.errors[0].field").value("customerId"));
        verifyNoInteractions(orders);
    }

    @Test
    void aBadNumberInThePathOrTheQueryIsABadRequest() throws Exception {
        mvc.perform(get("/api/orders/seven").with(as("sales1")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "Parameter id has a value of the wrong type"))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(get("/api/orders").param("size", "500").with(as("sales1")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "The request has invalid parameters"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/orders").param("after", "0").with(as("sales1")))
                .andExpect(problem(HttpStatus.BAD_REQUEST));
        mvc.perform(get("/api/orders").param("status", "LOST").with(as("sales1")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "Parameter status has a value of the wrong type"));
        verifyNoInteractions(search);
    }

    @Test
    void aChangeWithoutIfMatchIs428AndWithAStaleOneIs412() throws Exception {
        when(orders.patch(eq(7L), isNull(), any(PatchOrder.class), eq(actor("sales1"))))
                .thenThrow(new PreconditionRequiredException(
                        "Send If-Match with the ETag you last read to change an order"));
        when(orders.patch(eq(7L), eq("\"2\""), any(PatchOrder.class), eq(actor("sales1"))))
                .thenThrow(new PreconditionFailedException("If-Match \"2\" is not an ETag of this order"));

        mvc.perform(patch("/api/orders/7").with(as("sales1")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"salesStage\": \"WON\"}"))
                .andExpect(problem(HttpStatus.PRECONDITION_REQUIRED,
                        "Send If-Match with the ETag you last read to change an order"));
        mvc.perform(patch("/api/orders/7").with(as("sales1")).header("If-Match", "\"2\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"salesStage\": \"WON\"}"))
                .andExpect(problem(HttpStatus.PRECONDITION_FAILED, "If-Match \"2\" is not an ETag of this order"));
    }

    @Test
    void aChangeAnswersTheNewETag() throws Exception {
        SalesOrder order = OrderFixtures.order(7L, "sales1", 4L);
        when(orders.patch(eq(7L), eq("\"3\""), any(PatchOrder.class), eq(actor("sales1")))).thenReturn(order);
        when(views.of(order)).thenReturn(OrderViews.OrderView.of(order, InvoicedBalance.of(List.of())));

        mvc.perform(patch("/api/orders/7").with(as("sales1")).header("If-Match", "\"3\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"discountPercent\": 5}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""));
        ArgumentCaptor<PatchOrder> sent = ArgumentCaptor.forClass(PatchOrder.class);
        verify(orders).patch(eq(7L), eq("\"3\""), sent.capture(), any(Actor.class));
        assertThat(sent.getValue().discountPercent()).isEqualByComparingTo("5.00");
        assertThat(sent.getValue().lines()).isNull();
    }

    @Test
    void aPageListsSummariesWithItsKeysetAndTotal() throws Exception {
        var row = new OrderSearch.Row(41L, "SO-2026-41", 5L, "Slice Ltd", "sales1", OrderStatus.OPEN, "EUR",
                new BigDecimal("200.00"), 2L, OrderFixtures.CREATED);
        when(search.find(any(), anyLong(), anyInt(), eq(actor("sales1"))))
                .thenReturn(new OrderSearch.Result(List.of(row), true, 12_345, false));

        mvc.perform(get("/api/orders").param("q", "slice").param("after", "50").param("page", "1")
                        .param("size", "1").with(as("sales1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[0].id").value(41))
                .andExpect(jsonPath("$.content[0].orderNumber").value("SO-2026-41"))
                .andExpect(jsonPath("$.content[0].owner").value("sales1"))
                .andExpect(jsonPath("$.content[0].total").value(200.00))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.totalElements").value(12_345))
                .andExpect(jsonPath("$.totalPages").value(12_345))
                .andExpect(jsonPath("$.totalExact").value(false))
                .andExpect(jsonPath("$.hasMore").value(true))
                .andExpect(jsonPath("$.nextAfter").value(41));
        ArgumentCaptor<OrderSearch.Criteria> criteria = ArgumentCaptor.forClass(OrderSearch.Criteria.class);
        verify(search).find(criteria.capture(), eq(1L), eq(1), eq(actor("sales1")));
        assertThat(criteria.getValue()).isEqualTo(new OrderSearch.Criteria(null, null, "slice", 50L));
    }
}
