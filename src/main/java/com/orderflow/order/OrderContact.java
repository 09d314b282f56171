package com.orderflow.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The customer's contact details as one order knows them: copied from the {@link Customer} when the
 * order is created and from then on the order's own. A modification request's {@code customer.*}
 * changes replace this copy only, so another order of the same customer, closed or not, never changes
 * without a request, revision and audit event of its own.
 */
@Embeddable
public record OrderContact(
        @Column(name = "customer_name") String name,
        @Column(name = "customer_contact_person") String contactPerson,
        @Column(name = "customer_email") String email,
        @Column(name = "customer_phone") String phone,
        @Column(name = "customer_address") String address) {

    static OrderContact of(Customer customer) {
        return new OrderContact(customer.getName(), customer.getContactPerson(), customer.getEmail(),
                customer.getPhone(), customer.getAddress());
    }

    public OrderContact withEmail(String email) {
        return new OrderContact(name, contactPerson, email, phone, address);
    }

    public OrderContact withContactPerson(String contactPerson) {
        return new OrderContact(name, contactPerson, email, phone, address);
    }

    public OrderContact withPhone(String phone) {
        return new OrderContact(name, contactPerson, email, phone, address);
    }

    public OrderContact withAddress(String address) {
        return new OrderContact(name, contactPerson, email, phone, address);
    }
}
