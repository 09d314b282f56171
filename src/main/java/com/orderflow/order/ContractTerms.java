package com.orderflow.order;

import java.time.LocalDate;

/** Value of a contract's terms, as the API and snapshots carry them. */
public record ContractTerms(int paymentTermsDays, LocalDate deliveryDate, int warrantyMonths, String clauses) {
}
