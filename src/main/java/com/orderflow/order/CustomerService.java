package com.orderflow.order;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.orderflow.audit.AuditTrail;
import com.orderflow.order.OrderRequests.CreateCustomer;
import com.orderflow.shared.Actor;
import com.orderflow.shared.NotFoundException;

/**
 * Creating customers and finding them for a user. A sales rep sees the customers they created and those
 * with an order they own; sales managers, finance, legal and admins see every customer. A customer
 * someone may not see answers as an unknown one, so ids of other reps' customers give nothing away.
 */
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
                request.phone(), request.address(), request.taxId(), actor.userId()));
        audit.record(null, actor.userId(), "CUSTOMER_CREATED", "customer " + customer.getId(), null,
                OrderViews.CustomerView.of(customer));
        return customer;
    }

    /** The customer, or 404 when there is none or the actor may not see it. */
    @Transactional(readOnly = true)
    public Customer find(Long id, Actor actor) {
        return visible(id, actor).orElseThrow(() -> new NotFoundException("Customer", id));
    }

    /** The customer if the actor may see (and so use) it; empty for unknown ids and others' customers alike. */
    @Transactional(readOnly = true)
    public Optional<Customer> visible(Long id, Actor actor) {
        return actor.canSeeAll() ? customers.findById(id) : customers.findVisibleTo(id, actor.userId());
    }
}
