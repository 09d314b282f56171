package com.orderflow.order;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Validated
@RequestMapping("/api/orders")
@Tag(name = "Orders", description = "Sales orders: create, list, read and change them. A sales rep sees and changes "
        + "only their own orders.")
class OrderController {

    private final OrderService orders;
    private final OrderViewer views;
    private final OrderSearch search;

    OrderController(OrderService orders, OrderViewer views, OrderSearch search) {
        this.orders = orders;
        this.views = views;
        this.search = search;
    }

    @Operation(operationId = "createOrder", summary = "Create an order",
            description = "Creates an open order for a customer the caller may see; the order keeps its own copy of "
                    + "the customer's contact. Answers the order with its `ETag` and `Location`.")
    @ApiResponse(responseCode = "201", description = "The order, created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<OrderView> create(@Valid @RequestBody CreateOrder request, Actor actor) {
        SalesOrder order = orders.create(request, actor);
        return ResponseEntity.created(URI.create("/api/orders/" + order.getId()))
                .eTag(ETags.of(order.getVersion()))
                .body(views.of(order));
    }

    @Operation(operationId = "listOrders", summary = "List orders",
            description = "The orders the caller may see, newest first, a page at a time, optionally by status, "
                    + "customer, and text contained in the order number or the customer's name (`q`). Deep lists "
                    + "read by keyset: pass the page's `nextAfter` as `after` (`page` then counts from there). "
                    + "`totalElements` is exact up to 1,000 (`totalExact`), an estimate past that; `hasMore` "
                    + "says whether another page follows.")
    @GetMapping
    PageView<OrderSummary> list(@RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Min(1) Long after,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            Actor actor) {
        var result = search.find(new OrderSearch.Criteria(status, customerId, q, after), (long) page * size, size, actor);
        return PageView.of(result, page, size);
    }

    @Operation(operationId = "getOrder", summary = "Read an order",
            description = "The order with its lines, contract, totals and invoiced balance; the `ETag` header is "
                    + "what `If-Match` takes to change it.")
    @GetMapping("/{id}")
    ResponseEntity<OrderView> get(@PathVariable Long id, Actor actor) {
        SalesOrder order = orders.find(id, actor);
        return ResponseEntity.ok().eTag(ETags.of(order.getVersion())).body(views.of(order));
    }

    @Operation(operationId = "updateOrder", summary = "Change an open order",
            description = "Changes the fields sent (an open or reopened order only; a closed one answers 409 with "
                    + "the hint to file a modification request). Needs `If-Match` with the `ETag` last read. "
                    + "Invoices, deliveries, a revision and audit events follow the change.")
    @PatchMapping("/{id}")
    ResponseEntity<OrderView> patch(@PathVariable Long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PatchOrder patch, Actor actor) {
        SalesOrder order = orders.patch(id, ifMatch, patch, actor);
        return ResponseEntity.ok().eTag(ETags.of(order.getVersion())).body(views.of(order));
    }
}
