package com.orderflow.revision.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.order.OrderDetails;
import com.orderflow.order.OrderDetailsReader;
import com.orderflow.order.OrderStateException;
import com.orderflow.revision.RevisionRestorer;
import com.orderflow.shared.Actor;
import com.orderflow.shared.ConflictException;
import com.orderflow.shared.InvalidFieldException;
import com.orderflow.shared.NotFoundException;

/**
 * Restoring one of an order's earlier revisions from the portal: a confirmation page (the lifecycle
 * actions' page) whose form posts back here, then the order page with a notice. What the restore
 * refuses is shown on the confirmation page in the user's language.
 */
@Controller
class RestoreFormController {

    static final int DESCRIPTION_MAX = 1900;

    private final OrderDetailsReader orders;
    private final RevisionRestorer restorer;

    RestoreFormController(OrderDetailsReader orders, RevisionRestorer restorer) {
        this.orders = orders;
        this.restorer = restorer;
    }

    @GetMapping("/orders/{id}/revisions/{number}/restore")
    ModelAndView confirmRestore(@PathVariable Long id, @PathVariable int number, Actor actor) {
        return page(olderRevision(id, number, actor), number, new RestoreForm(), HttpStatus.OK);
    }

    @PostMapping("/orders/{id}/revisions/{number}/restore")
    ModelAndView restore(@PathVariable Long id, @PathVariable int number, @ModelAttribute("form") RestoreForm form,
            BindingResult errors, Actor actor, RedirectAttributes redirect) {
        OrderDetails order = olderRevision(id, number, actor);
        String description = form.getDescription() == null || form.getDescription().isBlank() ? null
                : form.getDescription().strip();
        if (description != null && description.length() > DESCRIPTION_MAX) {
            errors.rejectValue("description", "form.tooLong", new Object[] { DESCRIPTION_MAX }, null);
        }
        if (errors.hasErrors()) {
            return page(order, number, form, HttpStatus.OK);
        }
        try {
            RequestView request = restorer.restore(id, number, description, actor);
            redirect.addFlashAttribute("restoreRequested", request.id());
            redirect.addFlashAttribute("restoredRevision", number);
            return new ModelAndView("redirect:/orders/" + id);
        } catch (InvalidFieldException e) {
            errors.reject("form.invalid");
            return page(order, number, form, HttpStatus.OK);
        } catch (OrderStateException e) {
            errors.reject("lifecycle.refused.state");
            return page(order, number, form, HttpStatus.CONFLICT);
        } catch (ConflictException e) {
            errors.reject("lifecycle.refused.nothingToRestore");
            return page(order, number, form, HttpStatus.CONFLICT);
        }
    }

    /** Only an earlier revision can be restored; the current one is what the order already is. */
    private OrderDetails olderRevision(Long id, int number, Actor actor) {
        OrderDetails order = orders.changeable(id, actor);
        if (number < 1 || number >= order.revision()) {
            throw new NotFoundException("Earlier revision", number);
        }
        return order;
    }

    private static ModelAndView page(OrderDetails order, int revision, RestoreForm form, HttpStatus status) {
        ModelAndView page = new ModelAndView("portal/lifecycle", status);
        page.addObject("action", "restore");
        page.addObject("order", order);
        page.addObject("revision", revision);
        page.addObject("form", form);
        return page;
    }
}
