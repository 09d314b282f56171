package com.orderflow.modification.web;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.modification.ModificationService;
import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.modification.ModificationViews.ResubmitRequest;
import com.orderflow.order.OrderDetails;
import com.orderflow.order.OrderDetailsReader;
import com.orderflow.order.OrderStateException;
import com.orderflow.order.SalesStage;
import com.orderflow.shared.Actor;
import com.orderflow.shared.InvalidFieldException;
import com.orderflow.shared.NotFoundException;

/**
 * Revising a request the approvers rejected (or that met a changed order): the modification form,
 * prefilled with the request, previewed like a new one and filed through the same resubmission as
 * the API's. Only its requester (and admins) may; a reader who may not gets the denied page.
 */
@Controller
class ResubmitController {

    private final OrderDetailsReader queries;
    private final ModificationDrafts drafts;
    private final ResubmitDrafts resubmitDrafts;
    private final ApprovalPreview preview;
    private final ModificationService modifications;

    ResubmitController(OrderDetailsReader queries, ModificationDrafts drafts, ResubmitDrafts resubmitDrafts,
            ApprovalPreview preview, ModificationService modifications) {
        this.queries = queries;
        this.drafts = drafts;
        this.resubmitDrafts = resubmitDrafts;
        this.preview = preview;
        this.modifications = modifications;
    }

    @GetMapping("/orders/{orderId}/requests/{requestId}/revise")
    String form(@PathVariable Long orderId, @PathVariable Long requestId, Actor actor, Model model) {
        OrderDetails order = queries.details(orderId, actor);
        RequestView request = revisable(order, requestId, actor);
        return show(order, request, resubmitDrafts.from(order, request), model);
    }

    @PostMapping("/orders/{orderId}/requests/{requestId}/revise")
    String post(@PathVariable Long orderId, @PathVariable Long requestId,
            @ModelAttribute("form") ModificationForm form, BindingResult errors,
            @RequestParam(defaultValue = "preview") String action, Actor actor, Model model,
            RedirectAttributes redirect) {
        OrderDetails order = queries.details(orderId, actor);
        RequestView request = revisable(order, requestId, actor);
        // A resubmission keeps the request's reason; only its changes and description are new.
        form.setReason(request.reason());
        Map<String, JsonNode> changes = drafts.changes(form, order, errors);
        if (errors.hasErrors()) {
            return show(order, request, form, model);
        }
        if (!"submit".equals(action)) {
            model.addAttribute("changes", changes);
            model.addAttribute("approvals", preview.requiredGroups(order, changes, form.getReason()));
            model.addAttribute("consequences", preview.consequences(order, changes, actor));
            return show(order, request, form, model);
        }
        try {
            modifications.resubmit(requestId, new ResubmitRequest(form.getDescription().strip(), changes), actor);
            redirect.addFlashAttribute("resubmitted", requestId);
            return "redirect:/orders/" + orderId;
        } catch (InvalidFieldException e) {
            errors.reject("form.invalid");
            return show(order, request, form, model);
        } catch (OrderStateException e) {
            errors.reject("form.orderState");
            return show(order, request, form, model);
        }
    }

    private RequestView revisable(OrderDetails order, Long requestId, Actor actor) {
        RequestView request = modifications.find(requestId, actor);
        if (!order.id().equals(request.orderId())) {
            throw new NotFoundException("Modification request", requestId);
        }
        if (!RequestsSection.mayRevise(request, order, actor)) {
            throw new AccessDeniedException("You may not revise request " + requestId);
        }
        return request;
    }

    private String show(OrderDetails order, RequestView request, ModificationForm form, Model model) {
        drafts.withSpareLine(form);
        model.addAttribute("order", order);
        model.addAttribute("form", form);
        model.addAttribute("revising", request);
        model.addAttribute("reasons", List.of(request.reason()));
        model.addAttribute("stages", SalesStage.values());
        return "portal/modify";
    }
}
