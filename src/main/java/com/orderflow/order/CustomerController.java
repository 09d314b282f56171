package com.orderflow.order;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.orderflow.order.OrderRequests.CreateCustomer;
import com.orderflow.order.OrderViews.CustomerView;
import com.orderflow.shared.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers", description = "Customers that orders are placed for. A sales rep sees the customers they "
        + "created or have an order of.")
class CustomerController {

    private final CustomerService customers;

    CustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @Operation(operationId = "createCustomer", summary = "Create a customer",
            description = "Creates a customer with its contact; orders copy that contact when they are created.")
    @ApiResponse(responseCode = "201", description = "The customer, created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<CustomerView> create(@Valid @RequestBody CreateCustomer request, Actor actor) {
        Customer customer = customers.create(request, actor);
        return ResponseEntity.created(URI.create("/api/customers/" + customer.getId()))
                .body(CustomerView.of(customer));
    }

    @Operation(operationId = "getCustomer", summary = "Read a customer",
            description = "A customer the caller may see; any other answers 404, as an unknown id does.")
    @GetMapping("/{id}")
    CustomerView get(@PathVariable Long id, Actor actor) {
        return CustomerView.of(customers.find(id, actor));
    }
}
