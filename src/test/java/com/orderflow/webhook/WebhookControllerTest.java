package com.orderflow.webhook;

import static com.orderflow.support.Problems.problem;
import static com.orderflow.support.SliceUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.orderflow.shared.InvalidFieldException;
import com.orderflow.shared.NotFoundException;
import com.orderflow.support.ApiSlice;
import com.orderflow.webhook.WebhookRequests.NewSubscriber;
import com.orderflow.webhook.WebhookRequests.SubscriberView;

/** The webhook admin API: admins only (403 for everyone else), its error shapes and a subscriber's JSON. */
@ApiSlice(WebhookController.class)
class WebhookControllerTest {

    private static final String SUBSCRIBER = """
            {"url": "https://hooks.example.test/orders", "secret": "0123456789abcdef",
             "eventTypes": ["order.closed"], "active": true}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    WebhookAdmin admin;

    @Test
    void withoutSignInWebhooksAnswer401() throws Exception {
        mvc.perform(get("/api/admin/webhooks")).andExpect(problem(HttpStatus.UNAUTHORIZED));
        mvc.perform(post("/api/admin/webhooks").contentType(MediaType.APPLICATION_JSON).content(SUBSCRIBER))
                .andExpect(problem(HttpStatus.UNAUTHORIZED));
        verifyNoInteractions(admin);
    }

    @Test
    void onlyAdminsManageSubscribers() throws Exception {
        for (String user : List.of("sales1", "manager1", "finance1")) {
            mvc.perform(get("/api/admin/webhooks").with(as(user)))
                    .andExpect(problem(HttpStatus.FORBIDDEN, "Only admins manage webhook subscribers"));
            mvc.perform(post("/api/admin/webhooks").with(as(user)).contentType(MediaType.APPLICATION_JSON)
                    .content(SUBSCRIBER)).andExpect(problem(HttpStatus.FORBIDDEN));
            mvc.perform(delete("/api/admin/webhooks/1").with(as(user))).andExpect(problem(HttpStatus.FORBIDDEN));
        }
        verifyNoInteractions(admin);
    }

    @Test
    void aRegisteredSubscriberIsAnsweredWithoutItsSecret() throws Exception {
        when(admin.register(any(NewSubscriber.class), eq("admin"))).thenReturn(view(true));

        mvc.perform(post("/api/admin/webhooks").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(SUBSCRIBER))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(1))
                .andExpect(jsonPath("$.url").value("https://hooks.example.test/orders"))
                .andExpect(jsonPath("$.eventTypes[0]").value("order.closed"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.createdBy").value("admin"))
                .andExpect(jsonPath("$.createdAt").value("2026-03-01T09:00:00Z"))
                .andExpect(jsonPath("$.secret").doesNotExist());
        ArgumentCaptor<NewSubscriber> sent = ArgumentCaptor.forClass(NewSubscriber.class);
        verify(admin).register(sent.capture(), eq("admin"));
        assertThat(sent.getValue().secret()).isEqualTo("0123456789abcdef");
    }

    @Test
    void invalidAndMalformedSubscribersAreBadRequests() throws Exception {
        mvc.perform(post("/api/admin/webhooks").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(SUBSCRIBER.replace("0123456789abcdef", "short")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "The request has invalid fields"))
                .andExpect(jsonPath("$.errors[0].field").value("secret"))
                .andExpect(jsonPath("$.errors[0].message").value("must be 16 to 200 characters"));
        mvc.perform(post("/api/admin/webhooks").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(SUBSCRIBER.replace("true", "\"yes\"")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "A field has a value of the wrong type or format"))
                .andExpect(jsonPath("$.errors[0].field").value("active"));
        mvc.perform(post("/api/admin/webhooks").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("[" + SUBSCRIBER))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "The body is not well-formed JSON"));
        verifyNoInteractions(admin);
    }

    @Test
    void anUnknownEventTypeIsAFieldProblem() throws Exception {
        when(admin.register(any(NewSubscriber.class), eq("admin")))
                .thenThrow(new InvalidFieldException("eventTypes", "eventTypes: order.lost is not an event type"));

        mvc.perform(post("/api/admin/webhooks").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(SUBSCRIBER.replace("order.closed", "order.lost")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "eventTypes: order.lost is not an event type"))
                .andExpect(jsonPath("$.errors[0].field").value("eventTypes"));
    }

    @Test
    void anUnknownSubscriberIsNotFoundAndABadIdABadRequest() throws Exception {
        when(admin.one(9L)).thenThrow(new NotFoundException("Webhook subscriber", 9L));

        mvc.perform(get("/api/admin/webhooks/9").with(as("admin")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "Webhook subscriber 9 does not exist"));
        mvc.perform(get("/api/admin/webhooks/nine/deliveries").with(as("admin")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "Parameter id has a value of the wrong type"));
    }

    @Test
    void aDeactivatedSubscriberIsInactive() throws Exception {
        when(admin.deactivate(1L)).thenReturn(view(false));

        mvc.perform(delete("/api/admin/webhooks/1").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
    }

    private static SubscriberView view(boolean active) {
        return new SubscriberView(1L, "https://hooks.example.test/orders", List.of("order.closed"), active, "admin",
                Instant.parse("2026-03-01T09:00:00Z"));
    }
}
