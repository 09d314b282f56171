package com.orderflow.modification.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.orderflow.modification.ModificationService;
import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.order.OrderDetailsReader;
import com.orderflow.process.ConcurrentUpdates;
import com.orderflow.shared.Actor;
import com.orderflow.shared.NotFoundException;

/** Withdrawing a modification request: a confirmation page, then the withdrawal. */
@Controller
class WithdrawController {

    private final ModificationService modifications;
    private final OrderDetailsReader queries;

    WithdrawController(ModificationService modifications, OrderDetailsReader queries) {
        this.modifications = modifications;
        this.queries = queries;
    }

    @GetMapping("/orders/{orderId}/requests/{requestId}/withdraw")
    String confirm(@PathVariable Long orderId, @PathVariable Long requestId, Actor actor, Model model) {
        model.addAttribute("request", request(orderId, requestId, actor));
        model.addAttribute("order", queries.details(orderId, actor));
        return "portal/withdraw";
    }

    @PostMapping("/orders/{orderId}/requests/{requestId}/withdraw")
    String withdraw(@PathVariable Long orderId, @PathVariable Long requestId, Actor actor,
            RedirectAttributes redirect) {
        request(orderId, requestId, actor);
        ConcurrentUpdates.retry(() -> modifications.withdraw(requestId, actor));
        redirect.addFlashAttribute("withdrawn", requestId);
        return "redirect:/orders/" + orderId;
    }

    private RequestView request(Long orderId, Long requestId, Actor actor) {
        RequestView request = modifications.find(requestId, actor);
        if (!orderId.equals(request.orderId())) {
            throw new NotFoundException("Modification request", requestId);
        }
        return request;
    }
}
