package com.orderflow.order;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.audit.AuditTrail;
import com.orderflow.order.OrderRequests.CreateCustomer;
import com.orderflow.shared.Actor;
import com.orderflow.shared.NotFoundException;

@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final AuditTrail audit;

    CustomerService(CustomerRepository customers, AuditTrail audit) {
        this.customers = customers;
        this.audit = audit;
    }

    @Transactional
    public Customer create(CreateCustomer request, Actor actor) {
        if (!actor.canSell()) {
            throw new AccessDeniedException("Only sales reps, sales managers and admins create customers");
        }
        Customer customer = customers.save(new Customer(request.name(), request.email(), request.contactPerson(),
                request.phone(), request.address(), request.taxId()));
        audit.record(null, actor.userId(), "CUSTOMER_CREATED", "customer " + customer.getId(), null,
                OrderViews.CustomerView.of(customer));
        return customer;
    }

    @Transactional(readOnly = true)
    public Customer find(Long id) {
        return customers.findById(id).orElseThrow(() -> new NotFoundException("Customer", id));
    }
}
