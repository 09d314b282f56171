package com.orderflow.order;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request bodies of the invoice and credit note API. */
public final class BillingRequests {

    private BillingRequests() {
    }

    public record IssueInvoice(
            @NotNull @Positive @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2) BigDecimal amount,
            @Size(max = 500) String reason) {
    }

    public record IssueCreditNote(
            @NotNull @Positive @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2) BigDecimal amount,
            @NotBlank @Size(max = 500) String reason) {
    }

    public record VoidInvoice(@NotBlank @Size(max = 500) String reason) {
    }
}
