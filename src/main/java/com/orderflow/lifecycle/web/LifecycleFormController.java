package com.orderflow.lifecycle.web;

import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.orderflow.lifecycle.LifecycleProcesses;
import com.orderflow.lifecycle.RevisionRestorer;
import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.order.OrderDetails;
import com.orderflow.order.OrderDetailsReader;
import com.orderflow.order.OrderStateException;
import com.orderflow.order.OrderStatus;
import com.orderflow.shared.Actor;
import com.orderflow.shared.ConflictException;
import com.orderflow.shared.InvalidFieldException;
import com.orderflow.shared.NotFoundException;

/**
 * Closing, reopening and cancelling an order and restoring one of its revisions from the portal: each a
 * confirmation page (GET) whose form posts back here, then the order page with a notice. What the
 * services refuse is shown on the confirmation page in the user's language.
 */
@Controller
class LifecycleFormController {

    static final int REASON_MAX = 2000;
    static final int DESCRIPTION_MAX = 1900;

    private final OrderDetailsReader queries;
    private final LifecycleProcesses processes;
    private final RevisionRestorer restorer;

    LifecycleFormController(OrderDetailsReader queries, LifecycleProcesses processes, RevisionRestorer restorer) {
        this.queries = queries;
        this.processes = processes;
        this.restorer = restorer;
    }

    @GetMapping("/orders/{id}/close")
    ModelAndView confirmClose(@PathVariable Long id, Actor actor) {
        return page("close", changeable(id, actor), null, new LifecycleForm(), HttpStatus.OK);
    }

    @PostMapping("/orders/{id}/close")
    ModelAndView close(@PathVariable Long id, @ModelAttribute("form") LifecycleForm form, BindingResult errors,
            Actor actor, RedirectAttributes redirect) {
        OrderDetails order = changeable(id, actor);
        return attempt("close", order, null, form, errors, () -> {
            processes.close(id, actor);
            boolean closed = queries.details(id, actor).status() == OrderStatus.CLOSED;
            redirect.addFlashAttribute(closed ? "closed" : "closingStarted", order.orderNumber());
            return toOrder(id);
        });
    }

    @GetMapping("/orders/{id}/reopen")
    ModelAndView confirmReopen(@PathVariable Long id, Actor actor) {
        return page("reopen", changeable(id, actor), null, new LifecycleForm(), HttpStatus.OK);
    }

    @PostMapping("/orders/{id}/reopen")
    ModelAndView reopen(@PathVariable Long id, @ModelAttribute("form") LifecycleForm form, BindingResult errors,
            Actor actor, RedirectAttributes redirect) {
        OrderDetails order = changeable(id, actor);
        String reason = text(form.getReason());
        if (reason == null) {
            errors.rejectValue("reason", "form.required");
        } else if (reason.length() > REASON_MAX) {
            errors.rejectValue("reason", "form.tooLong", new Object[] { REASON_MAX }, null);
        }
        return attempt("reopen", order, null, form, errors, () -> {
            processes.reopen(id, reason, actor);
            redirect.addFlashAttribute("reopenRequested", order.orderNumber());
            return toOrder(id);
        });
    }

    @GetMapping("/orders/{id}/cancel")
    ModelAndView confirmCancel(@PathVariable Long id, Actor actor) {
        return page("cancel", changeable(id, actor), null, new LifecycleForm(), HttpStatus.OK);
    }

    @PostMapping("/orders/{id}/cancel")
    ModelAndView cancel(@PathVariable Long id, @ModelAttribute("form") LifecycleForm form, BindingResult errors,
            Actor actor, RedirectAttributes redirect) {
        OrderDetails order = changeable(id, actor);
        return attempt("cancel", order, null, form, errors, () -> {
            processes.cancel(id, actor);
            redirect.addFlashAttribute("cancelled", order.orderNumber());
            return toOrder(id);
        });
    }

    @GetMapping("/orders/{id}/revisions/{number}/restore")
    ModelAndView confirmRestore(@PathVariable Long id, @PathVariable int number, Actor actor) {
        OrderDetails order = changeable(id, actor);
        requireOlderRevision(order, number);
        return page("restore", order, number, new LifecycleForm(), HttpStatus.OK);
    }

    @PostMapping("/orders/{id}/revisions/{number}/restore")
    ModelAndView restore(@PathVariable Long id, @PathVariable int number,
            @ModelAttribute("form") LifecycleForm form, BindingResult errors, Actor actor,
            RedirectAttributes redirect) {
        OrderDetails order = changeable(id, actor);
        requireOlderRevision(order, number);
        String description = text(form.getDescription());
        if (description != null && description.length() > DESCRIPTION_MAX) {
            errors.rejectValue("description", "form.tooLong", new Object[] { DESCRIPTION_MAX }, null);
        }
        return attempt("restore", order, number, form, errors, () -> {
            RequestView request = restorer.restore(id, number, description, actor);
            redirect.addFlashAttribute("restoreRequested", request.id());
            redirect.addFlashAttribute("restoredRevision", number);
            return toOrder(id);
        });
    }

    /**
     * Runs the action unless the form already has errors; a refusal of the service becomes a message on the
     * confirmation page (the order changed since the page was shown, a process already runs, nothing to restore).
     */
    private ModelAndView attempt(String action, OrderDetails order, Integer revision, LifecycleForm form,
            BindingResult errors, Supplier<ModelAndView> run) {
        if (errors.hasErrors()) {
            return page(action, order, revision, form, HttpStatus.OK);
        }
        try {
            return run.get();
        } catch (InvalidFieldException e) {
            errors.reject("form.invalid");
            return page(action, order, revision, form, HttpStatus.OK);
        } catch (OrderStateException e) {
            errors.reject("lifecycle.refused.state");
            return page(action, order, revision, form, HttpStatus.CONFLICT);
        } catch (ConflictException e) {
            errors.reject("restore".equals(action) ? "lifecycle.refused.nothingToRestore" : "lifecycle.refused.running");
            return page(action, order, revision, form, HttpStatus.CONFLICT);
        }
    }

    private static ModelAndView page(String action, OrderDetails order, Integer revision, LifecycleForm form,
            HttpStatus status) {
        ModelAndView page = new ModelAndView("portal/lifecycle", status);
        page.addObject("action", action);
        page.addObject("order", order);
        page.addObject("revision", revision);
        page.addObject("form", form);
        return page;
    }

    private static ModelAndView toOrder(Long id) {
        return new ModelAndView("redirect:/orders/" + id);
    }

    private OrderDetails changeable(Long id, Actor actor) {
        OrderDetails order = queries.details(id, actor);
        if (!order.changeable()) {
            throw new AccessDeniedException("You may not change order " + order.orderNumber());
        }
        return order;
    }

    /** Only an earlier revision can be restored; the current one is what the order already is. */
    private static void requireOlderRevision(OrderDetails order, int number) {
        if (number < 1 || number >= order.revision()) {
            throw new NotFoundException("Earlier revision", number);
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
