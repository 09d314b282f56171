package com.orderflow.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request bodies of the customer and order API, with the limits that keep absurd input out. */
public final class OrderRequests {

    private OrderRequests() {
    }

    public record CreateCustomer(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email,
            @Size(max = 200) String contactPerson,
            @Size(max = 50) @Pattern(regexp = "[0-9+()\\-. ]*", message = "must be a phone number") String phone,
            @Size(max = 500) String address,
            @Size(max = 50) String taxId) {
    }

    public record CreateOrder(
            @NotNull Long customerId,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
            @NotEmpty @Size(max = 1000) List<@Valid @NotNull Line> lines,
            @NotNull @Valid Terms contract) {
    }

    public record Line(
            @NotBlank @Size(max = 64) String sku,
            @NotBlank @Size(max = 500) String description,
            @NotNull @Positive @Max(1_000_000) Integer quantity,
            @NotNull @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice) {

        LineItem toItem() {
            return new LineItem(sku, description, quantity, unitPrice);
        }
    }

    public record Terms(
            @NotNull @Min(0) @Max(365) Integer paymentTermsDays,
            @NotNull LocalDate deliveryDate,
            @NotNull @Min(0) @Max(240) Integer warrantyMonths,
            @Size(max = 20_000) String clauses) {

        ContractTerms toTerms() {
            return new ContractTerms(paymentTermsDays, deliveryDate, warrantyMonths, clauses);
        }
    }

    /** A partial update: absent fields stay as they are. */
    public record PatchOrder(
            SalesStage salesStage,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent,
            @Size(min = 1, max = 1000) List<@Valid @NotNull Line> lines,
            @Valid Terms contract) {
    }
}
