package com.orderflow.order;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;

/** The terms of an order. Every change of terms bumps {@code contractVersion}. */
@Entity
public class Contract {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contract_seq")
    @SequenceGenerator(name = "contract_seq", sequenceName = "contract_seq", allocationSize = 50)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private SalesOrder order;

    private int paymentTermsDays;
    private LocalDate deliveryDate;
    private int warrantyMonths;
    private String clauses;
    private int contractVersion;

    protected Contract() {
    }

    Contract(SalesOrder order, ContractTerms terms) {
        this.order = order;
        this.contractVersion = 1;
        apply(terms);
    }

    /** Returns true when the terms actually changed. */
    boolean change(ContractTerms terms) {
        if (terms.equals(toTerms())) {
            return false;
        }
        apply(terms);
        contractVersion++;
        return true;
    }

    private void apply(ContractTerms terms) {
        this.paymentTermsDays = terms.paymentTermsDays();
        this.deliveryDate = terms.deliveryDate();
        this.warrantyMonths = terms.warrantyMonths();
        this.clauses = terms.clauses();
    }

    public ContractTerms toTerms() {
        return new ContractTerms(paymentTermsDays, deliveryDate, warrantyMonths, clauses);
    }

    public int getContractVersion() {
        return contractVersion;
    }
}
