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

@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerService customers;

    CustomerController(CustomerService customers) {
        this.customers = customers;
    }

    @PostMapping
    ResponseEntity<CustomerView> create(@Valid @RequestBody CreateCustomer request, Actor actor) {
        Customer customer = customers.create(request, actor);
        return ResponseEntity.created(URI.create("/api/customers/" + customer.getId()))
                .body(CustomerView.of(customer));
    }

    @GetMapping("/{id}")
    CustomerView get(@PathVariable Long id, Actor actor) {
        return CustomerView.of(customers.find(id, actor));
    }
}
