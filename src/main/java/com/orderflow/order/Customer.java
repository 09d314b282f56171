package com.orderflow.order;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/**
 * The buyer of orders, as a sales rep entered it. Its contact details are where each new order copies
 * them from ({@link OrderContact}); a modification request changes that order's copy, never this row,
 * which other orders (closed ones too) share. Who created it decides who sees it; see {@link CustomerService}.
 */
@Entity
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
    private Long id;

    private String name;
    private String contactPerson;
    private String email;
    private String phone;
    private String address;
    private String taxId;

    /** The user who created it; null for customers from before it was recorded and without orders. */
    private String createdBy;

    @Version
    private long version;

    protected Customer() {
    }

    public Customer(String name, String email, String contactPerson, String phone, String address, String taxId,
            String createdBy) {
        this.name = name;
        this.email = email;
        this.contactPerson = contactPerson;
        this.phone = phone;
        this.address = address;
        this.taxId = taxId;
        this.createdBy = createdBy;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getContactPerson() {
        return contactPerson;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getAddress() {
        return address;
    }

    public String getTaxId() {
        return taxId;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
