package com.orderflow.order;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.notification.OrderMails;
import com.orderflow.notification.OrderMails.MailView;
import com.orderflow.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The emails sent (or still to be sent) about an order, for whoever may read the order. It lives with
 * the order because the order decides who may read it; notification only keeps the mails.
 */
@RestController
@Tag(name = "Notifications", description = "The emails orderflow sent, or is sending, about an order.")
class OrderMailsController {

    private final OrderMails mails;
    private final OrderAccess access;

    OrderMailsController(OrderMails mails, OrderAccess access) {
        this.mails = mails;
        this.access = access;
    }

    @Operation(operationId = "listNotifications", summary = "List an order's emails",
            description = "Every email about the order: recipient, language, template, state, attempts, last error "
                    + "and Message-ID.")
    @GetMapping("/api/orders/{orderId}/notifications")
    List<MailView> list(@PathVariable Long orderId, Actor actor) {
        access.checkReadable(orderId, actor);
        return mails.forOrder(orderId);
    }
}
