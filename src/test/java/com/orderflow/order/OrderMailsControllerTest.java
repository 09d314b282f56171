package com.orderflow.order;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.orderflow.notification.NotificationState;
import com.orderflow.notification.OrderMails;
import com.orderflow.notification.OrderMails.MailView;
import com.orderflow.shared.NotFoundException;
import com.orderflow.support.ApiSlice;

/** An order's emails: only for whoever may read the order, and the JSON of one. */
@ApiSlice(OrderMailsController.class)
class OrderMailsControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    OrderMails mails;
    @MockitoBean
    OrderAccess access;

    @Test
    void withoutSignInTheEmailsAnswer401() throws Exception {
        mvc.perform(get("/api/orders/7/notifications")).andExpect(problem(HttpStatus.UNAUTHORIZED));
        verifyNoInteractions(access, mails);
    }

    @Test
    void theEmailsOfAnotherRepsOrderAreNotFound() throws Exception {
        doThrow(new NotFoundException("Order", 7L)).when(access).checkReadable(7L, actor("sales2"));

        mvc.perform(get("/api/orders/7/notifications").with(as("sales2")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "Order 7 does not exist"));
        verifyNoInteractions(mails);
    }

    @Test
    void anEmailIsListedWithItsStateAndMessageId() throws Exception {
        when(mails.forOrder(7L)).thenReturn(List.of(new MailView(11L, "order-7-closed", "order-closed",
                "buyer@slice.test", "en", "Order SO-2026-7 is closed", NotificationState.SENT, 1, null,
                "<id@orderflow>", Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T09:00:02Z"))));

        mvc.perform(get("/api/orders/7/notifications").with(as("sales1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(11))
                .andExpect(jsonPath("$[0].eventKey").value("order-7-closed"))
                .andExpect(jsonPath("$[0].template").value("order-closed"))
                .andExpect(jsonPath("$[0].recipient").value("buyer@slice.test"))
                .andExpect(jsonPath("$[0].state").value("SENT"))
                .andExpect(jsonPath("$[0].attempts").value(1))
                .andExpect(jsonPath("$[0].messageId").value("<id@orderflow>"))
                .andExpect(jsonPath("$[0].sentAt").value("2026-03-01T09:00:02Z"))
                .andExpect(jsonPath("$[0].lastError").doesNotExist());
    }

    @Test
    void aBadOrderIdIsABadRequest() throws Exception {
        mvc.perform(get("/api/orders/x/notifications").with(as("sales1")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "Parameter orderId has a value of the wrong type"));
    }
}
