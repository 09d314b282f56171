package com.orderflow.order;

import static com.orderflow.order.OrderFieldRules.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Request bodies of the customer and order API; the limits are {@link OrderFieldRules}, shared with the other ways in. */
public final class OrderRequests {

    private OrderRequests() {
    }

    public record CreateCustomer(
            @NotBlank @Size(max = NAME_MAX) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String name,
            @NotBlank @Size(max = EMAIL_MAX) @Pattern(regexp = EMAIL, message = EMAIL_MESSAGE) String email,
            @Size(max = CONTACT_PERSON_MAX) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String contactPerson,
            @Size(max = PHONE_MAX) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            @Size(max = ADDRESS_MAX) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String address,
            @Size(max = TAX_ID_MAX) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String taxId) {
    }

    public record CreateOrder(
            @NotNull Long customerId,
            @NotNull @Pattern(regexp = CURRENCY, message = "must be an ISO 4217 code such as EUR") String currency,
            @DecimalMin(DISCOUNT_PERCENT_MIN) @DecimalMax(DISCOUNT_PERCENT_MAX)
            @Cents(integer = DISCOUNT_PERCENT_INTEGER_DIGITS) BigDecimal discountPercent,
            @NotEmpty @Size(min = LINES_MIN, max = LINES_MAX) List<@Valid @NotNull Line> lines,
            @NotNull @Valid Terms contract) {

        public CreateOrder {
            discountPercent = inCents(discountPercent);
        }
    }

    public record Line(
            @NotBlank @Size(max = SKU_MAX) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String sku,
            @NotBlank @Size(max = DESCRIPTION_MAX) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String description,
            @NotNull @Min(QUANTITY_MIN) @Max(QUANTITY_MAX) Integer quantity,
            @NotNull @DecimalMin(UNIT_PRICE_MIN) @DecimalMax(UNIT_PRICE_MAX)
            @Cents(integer = UNIT_PRICE_INTEGER_DIGITS) BigDecimal unitPrice) {

        public Line {
            unitPrice = inCents(unitPrice);
        }

        LineItem toItem() {
            return new LineItem(sku, description, quantity, unitPrice);
        }
    }

    public record Terms(
            @NotNull @Min(PAYMENT_TERMS_DAYS_MIN) @Max(PAYMENT_TERMS_DAYS_MAX) Integer paymentTermsDays,
            @NotNull LocalDate deliveryDate,
            @NotNull @Min(WARRANTY_MONTHS_MIN) @Max(WARRANTY_MONTHS_MAX) Integer warrantyMonths,
            @Size(max = CLAUSES_MAX) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String clauses) {

        ContractTerms toTerms() {
            return new ContractTerms(paymentTermsDays, deliveryDate, warrantyMonths, clauses);
        }
    }

    /** A partial update: absent fields stay as they are. */
    public record PatchOrder(
            SalesStage salesStage,
            @DecimalMin(DISCOUNT_PERCENT_MIN) @DecimalMax(DISCOUNT_PERCENT_MAX)
            @Cents(integer = DISCOUNT_PERCENT_INTEGER_DIGITS) BigDecimal discountPercent,
            @Size(min = LINES_MIN, max = LINES_MAX) List<@Valid @NotNull Line> lines,
            @Valid Terms contract) {

        public PatchOrder {
            discountPercent = inCents(discountPercent);
        }
    }
}
