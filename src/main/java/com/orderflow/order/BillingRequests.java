package com.orderflow.order;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request bodies of the invoice and credit note API. */
public final class BillingRequests {

    private BillingRequests() {
    }

    public record IssueInvoice(
            @NotNull @Positive @DecimalMax("1000000000000") @Cents(integer = 13) BigDecimal amount,
            @Size(max = 500) String reason) {

        public IssueInvoice {
            amount = OrderFieldRules.inCents(amount);
        }
    }

    public record IssueCreditNote(
            @NotNull @Positive @DecimalMax("1000000000000") @Cents(integer = 13) BigDecimal amount,
            @NotBlank @Size(max = 500) String reason) {

        public IssueCreditNote {
            amount = OrderFieldRules.inCents(amount);
        }
    }

    public record VoidInvoice(@NotBlank @Size(max = 500) String reason) {
    }
}
