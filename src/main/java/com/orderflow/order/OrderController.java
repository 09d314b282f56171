package com.orderflow.order;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.order.OrderRequests.CreateOrder;
import com.orderflow.order.OrderRequests.PatchOrder;
import com.orderflow.order.OrderViews.OrderSummary;
import com.orderflow.order.OrderViews.OrderView;
import com.orderflow.order.OrderViews.PageView;
import com.orderflow.shared.Actor;

@RestController
@Validated
@RequestMapping("/api/orders")
class OrderController {

    private final OrderService orders;
    private final OrderViewer views;

    OrderController(OrderService orders, OrderViewer views) {
        this.orders = orders;
        this.views = views;
    }

    @PostMapping
    ResponseEntity<OrderView> create(@Valid @RequestBody CreateOrder request, Actor actor) {
        SalesOrder order = orders.create(request, actor);
        return ResponseEntity.created(URI.create("/api/orders/" + order.getId()))
                .eTag(ETags.of(order.getVersion()))
                .body(views.of(order));
    }

    @GetMapping
    PageView<OrderSummary> list(@RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) Long customerId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            Actor actor) {
        var result = orders.list(status, customerId, PageRequest.of(page, size, Sort.by("id").descending()), actor);
        return PageView.of(result.map(OrderSummary::of));
    }

    @GetMapping("/{id}")
    ResponseEntity<OrderView> get(@PathVariable Long id, Actor actor) {
        SalesOrder order = orders.find(id, actor);
        return ResponseEntity.ok().eTag(ETags.of(order.getVersion())).body(views.of(order));
    }

    @PatchMapping("/{id}")
    ResponseEntity<OrderView> patch(@PathVariable Long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PatchOrder patch, Actor actor) {
        SalesOrder order = orders.patch(id, ifMatch, patch, actor);
        return ResponseEntity.ok().eTag(ETags.of(order.getVersion())).body(views.of(order));
    }
}
