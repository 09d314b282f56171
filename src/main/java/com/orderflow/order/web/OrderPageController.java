package com.orderflow.order.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import com.orderflow.shared.Actor;

/** One order with everything around it. */
@Controller
class OrderPageController {

    private final OrderQueries queries;

    OrderPageController(OrderQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/orders/{id}")
    String order(@PathVariable Long id, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, Actor actor, Model model) {
        model.addAttribute("page", queries.page(id, from, to, actor));
        return "portal/order";
    }
}
