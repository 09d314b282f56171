package com.orderflow.lifecycle.web;

import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
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
import com.orderflow.order.OrderDetails;
import com.orderflow.order.OrderDetailsReader;
import com.orderflow.order.OrderStateException;
import com.orderflow.order.OrderStatus;
import com.orderflow.shared.Actor;
import com.orderflow.shared.ConflictException;
import com.orderflow.shared.InvalidFieldException;

/**
 * Closing, reopening and cancelling an order from the portal (restoring a revision is revision's): each a
 * confirmation page (GET) whose form posts back here, then the order page with a notice. What the
 * services refuse is shown on the confirmation page in the user's language.
 */
@Controller
class LifecycleFormController {

    static final int REASON_MAX = 2000;

    private final OrderDetailsReader queries;
    private final LifecycleProcesses processes;

    LifecycleFormController(OrderDetailsReader queries, LifecycleProcesses processes) {
        this.queries = queries;
        this.processes = processes;
    }

    @GetMapping("/orders/{id}/close")
    ModelAndView confirmClose(@PathVariable Long id, Actor actor) {
        return page("close", queries.changeable(id, actor), new LifecycleForm(), HttpStatus.OK);
    }

    @PostMapping("/orders/{id}/close")
    ModelAndView close(@PathVariable Long id, @ModelAttribute("form") LifecycleForm form, BindingResult errors,
            Actor actor, RedirectAttributes redirect) {
        OrderDetails order = queries.changeable(id, actor);
        return attempt("close", order, form, errors, () -> {
            processes.close(id, actor);
            boolean closed = queries.details(id, actor).status() == OrderStatus.CLOSED;
            redirect.addFlashAttribute(closed ? "closed" : "closingStarted", order.orderNumber());
            return toOrder(id);
        });
    }

    @GetMapping("/orders/{id}/reopen")
    ModelAndView confirmReopen(@PathVariable Long id, Actor actor) {
        return page("reopen", queries.changeable(id, actor), new LifecycleForm(), HttpStatus.OK);
    }

    @PostMapping("/orders/{id}/reopen")
    ModelAndView reopen(@PathVariable Long id, @ModelAttribute("form") LifecycleForm form, BindingResult errors,
            Actor actor, RedirectAttributes redirect) {
        OrderDetails order = queries.changeable(id, actor);
        String reason = text(form.getReason());
        if (reason == null) {
            errors.rejectValue("reason", "form.required");
        } else if (reason.length() > REASON_MAX) {
            errors.rejectValue("reason", "form.tooLong", new Object[] { REASON_MAX }, null);
        }
        return attempt("reopen", order, form, errors, () -> {
            processes.reopen(id, reason, actor);
            redirect.addFlashAttribute("reopenRequested", order.orderNumber());
            return toOrder(id);
        });
    }

    @GetMapping("/orders/{id}/cancel")
    ModelAndView confirmCancel(@PathVariable Long id, Actor actor) {
        return page("cancel", queries.changeable(id, actor), new LifecycleForm(), HttpStatus.OK);
    }

    @PostMapping("/orders/{id}/cancel")
    ModelAndView cancel(@PathVariable Long id, @ModelAttribute("form") LifecycleForm form, BindingResult errors,
            Actor actor, RedirectAttributes redirect) {
        OrderDetails order = queries.changeable(id, actor);
        return attempt("cancel", order, form, errors, () -> {
            processes.cancel(id, actor);
            redirect.addFlashAttribute("cancelled", order.orderNumber());
            return toOrder(id);
        });
    }

    /**
     * Runs the action unless the form already has errors; a refusal of the service becomes a message on the
     * confirmation page (the order changed since the page was shown, a process already runs, nothing to restore).
     */
    private ModelAndView attempt(String action, OrderDetails order, LifecycleForm form,
            BindingResult errors, Supplier<ModelAndView> run) {
        if (errors.hasErrors()) {
            return page(action, order, form, HttpStatus.OK);
        }
        try {
            return run.get();
        } catch (InvalidFieldException e) {
            errors.reject("form.invalid");
            return page(action, order, form, HttpStatus.OK);
        } catch (OrderStateException e) {
            errors.reject("lifecycle.refused.state");
            return page(action, order, form, HttpStatus.CONFLICT);
        } catch (ConflictException e) {
            errors.reject("lifecycle.refused.running");
            return page(action, order, form, HttpStatus.CONFLICT);
        }
    }

    private static ModelAndView page(String action, OrderDetails order, LifecycleForm form,
            HttpStatus status) {
        ModelAndView page = new ModelAndView("portal/lifecycle", status);
        page.addObject("action", action);
        page.addObject("order", order);
        page.addObject("form", form);
        return page;
    }

    private static ModelAndView toOrder(Long id) {
        return new ModelAndView("redirect:/orders/" + id);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
