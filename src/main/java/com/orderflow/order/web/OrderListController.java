package com.orderflow.order.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.orderflow.order.OrderStatus;
import com.orderflow.shared.Actor;

/** My orders: search by order number or customer name, filter by status, ten to a page. */
@Controller
class OrderListController {

    private final OrderQueries queries;

    OrderListController(OrderQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/")
    String orders(@RequestParam(required = false) String q, @RequestParam(required = false) OrderStatus status,
            @RequestParam(defaultValue = "0") int page, Actor actor, Model model) {
        model.addAttribute("orders", queries.search(q, status, page, actor));
        model.addAttribute("q", q);
        model.addAttribute("status", status);
        model.addAttribute("statuses", OrderStatus.values());
        return "portal/orders";
    }
}
