package com.orderflow.order;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/** The buyer of an order. Contact fields may be changed through a modification request. */
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

    @Version
    private long version;

    protected Customer() {
    }

    public Customer(String name, String email, String contactPerson, String phone, String address, String taxId) {
        this.name = name;
        this.email = email;
        this.contactPerson = contactPerson;
        this.phone = phone;
        this.address = address;
        this.taxId = taxId;
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

    public void changeEmail(String email) {
        this.email = email;
    }

    public void changeContactPerson(String contactPerson) {
        this.contactPerson = contactPerson;
    }

    public void changePhone(String phone) {
        this.phone = phone;
    }

    public void changeAddress(String address) {
        this.address = address;
    }
}
