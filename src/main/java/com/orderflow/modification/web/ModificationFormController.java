package com.orderflow.modification.web;

import java.util.List;
import java.util.Map;

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
import com.orderflow.modification.ModificationReason;
import com.orderflow.modification.ModificationService;
import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.modification.ModificationViews.SubmitRequest;
import com.orderflow.modification.OrderField;
import com.orderflow.order.OrderDetails;
import com.orderflow.order.OrderDetailsReader;
import com.orderflow.order.OrderStateException;
import com.orderflow.order.SalesStage;
import com.orderflow.shared.Actor;
import com.orderflow.shared.InvalidFieldException;

/**
 * Request a modification: the form starts from the order's current values, "preview" shows what
 * changed and which groups will approve it (the DMN), "submit" files only the changed fields.
 */
@Controller
class ModificationFormController {

    private final OrderDetailsReader queries;
    private final ModificationDrafts drafts;
    private final ApprovalPreview preview;
    private final ModificationService modifications;

    ModificationFormController(OrderDetailsReader queries, ModificationDrafts drafts, ApprovalPreview preview,
            ModificationService modifications) {
        this.queries = queries;
        this.drafts = drafts;
        this.preview = preview;
        this.modifications = modifications;
    }

    @GetMapping("/orders/{id}/modify")
    String form(@PathVariable Long id, Actor actor, Model model) {
        OrderDetails order = changeable(id, actor);
        return show(order, drafts.from(order), model);
    }

    @PostMapping("/orders/{id}/modify")
    String post(@PathVariable Long id, @ModelAttribute("form") ModificationForm form, BindingResult errors,
            @RequestParam(defaultValue = "preview") String action, Actor actor, Model model,
            RedirectAttributes redirect) {
        OrderDetails order = changeable(id, actor);
        Map<String, JsonNode> changes = drafts.changes(form, order, errors);
        if (errors.hasErrors()) {
            return show(order, form, model);
        }
        if (!"submit".equals(action)) {
            model.addAttribute("changes", changes);
            model.addAttribute("approvals", preview.requiredGroups(order, changes, form.getReason()));
            model.addAttribute("consequences", preview.consequences(order, changes, actor));
            return show(order, form, model);
        }
        try {
            RequestView request = modifications.submit(id, new SubmitRequest(form.getReason(),
                    form.getDescription().strip(), changes), actor);
            redirect.addFlashAttribute("submitted", request.id());
            return "redirect:/orders/" + id;
        } catch (InvalidFieldException e) {
            String field = OrderField.byPath(e.getField().replaceFirst("^changes\\.", ""))
                    .map(OrderField::shortName).orElse(null);
            if (field != null) {
                errors.rejectValue(field, "form.invalid");
            } else {
                errors.reject("form.invalid");
            }
            return show(order, form, model);
        } catch (OrderStateException e) {
            errors.reject("form.orderState");
            return show(order, form, model);
        }
    }

    private String show(OrderDetails order, ModificationForm form, Model model) {
        drafts.withSpareLine(form);
        model.addAttribute("order", order);
        model.addAttribute("form", form);
        model.addAttribute("reasons", List.of(ModificationReason.CUSTOMER_REQUIREMENT,
                ModificationReason.PROCESS_CHANGE, ModificationReason.CONTRACT_CHANGE, ModificationReason.CORRECTION));
        model.addAttribute("stages", SalesStage.values());
        return "portal/modify";
    }

    private OrderDetails changeable(Long id, Actor actor) {
        OrderDetails order = queries.details(id, actor);
        if (!order.changeable()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "You may not request changes to order " + order.orderNumber());
        }
        return order;
    }
}
