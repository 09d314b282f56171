package com.orderflow.order;

import java.time.LocalDate;

/** Value of a contract's terms, as the API and snapshots carry them. */
public record ContractTerms(int paymentTermsDays, LocalDate deliveryDate, int warrantyMonths, String clauses) {

    public ContractTerms withPaymentTermsDays(int days) {
        return new ContractTerms(days, deliveryDate, warrantyMonths, clauses);
    }

    public ContractTerms withDeliveryDate(LocalDate date) {
        return new ContractTerms(paymentTermsDays, date, warrantyMonths, clauses);
    }

    public ContractTerms withWarrantyMonths(int months) {
        return new ContractTerms(paymentTermsDays, deliveryDate, months, clauses);
    }

    public ContractTerms withClauses(String text) {
        return new ContractTerms(paymentTermsDays, deliveryDate, warrantyMonths, text);
    }
}
