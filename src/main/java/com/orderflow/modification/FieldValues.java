package com.orderflow.modification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.order.LineItem;
import com.orderflow.order.OrderFieldRules;
import com.orderflow.order.OrderRequests;
import com.orderflow.order.SalesStage;
import com.orderflow.shared.InvalidFieldException;

/** Checks and parses a requested new value with the order API's limits, {@link OrderFieldRules}. */
@Component
public class FieldValues {

    private final ObjectMapper json;
    private final Validator validator;

    FieldValues(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    Object parse(OrderField field, JsonNode value) {
        return field.kind() == OrderField.Kind.LINES ? lines("changes." + field.path(), value) : single(field, value);
    }

    /**
     * Whether a field other than the lines takes the value, by the checks a modification request's values
     * pass (the lines need the validator, so only {@link #parse} checks them).
     */
    public static boolean accepts(OrderField field, JsonNode value) {
        try {
            single(field, value);
            return true;
        } catch (InvalidFieldException e) {
            return false;
        }
    }

    private static Object single(OrderField field, JsonNode value) {
        String name = "changes." + field.path();
        return switch (field.kind()) {
            case EMAIL -> email(name, value);
            case PHONE -> phone(name, value);
            case TEXT, LONG_TEXT -> text(name, value, field.maxLength());
            case SALES_STAGE -> salesStage(name, value);
            case PERCENT -> percent(name, value);
            case DAYS -> integer(name, value, OrderFieldRules.PAYMENT_TERMS_DAYS_MIN,
                    OrderFieldRules.PAYMENT_TERMS_DAYS_MAX);
            case MONTHS -> integer(name, value, OrderFieldRules.WARRANTY_MONTHS_MIN,
                    OrderFieldRules.WARRANTY_MONTHS_MAX);
            case DATE -> date(name, value);
            case LINES -> throw new IllegalArgumentException("The lines are checked with the validator");
        };
    }

    private static String email(String name, JsonNode value) {
        if (!value.isTextual() || !OrderFieldRules.isEmail(value.asText())) {
            throw new InvalidFieldException(name, "must be an email address of at most " + OrderFieldRules.EMAIL_MAX
                    + " characters such as name@example.com");
        }
        return value.asText().strip();
    }

    private static String phone(String name, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !OrderFieldRules.isPhone(value.asText())) {
            throw new InvalidFieldException(name, OrderFieldRules.PHONE_MESSAGE);
        }
        return value.asText().strip();
    }

    private static String text(String name, JsonNode value, int max) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || !OrderFieldRules.fits(value.asText(), max)) {
            throw new InvalidFieldException(name, "must be a text of 1 to " + max + " characters without U+0000");
        }
        return value.asText().strip();
    }

    private static SalesStage salesStage(String name, JsonNode value) {
        try {
            return SalesStage.valueOf(value.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(name, "must be one of " + Arrays.toString(SalesStage.values()));
        }
    }

    private static BigDecimal percent(String name, JsonNode value) {
        if (!value.isNumber() || !OrderFieldRules.isDiscountPercent(value.decimalValue())) {
            throw new InvalidFieldException(name, "must be a number from " + OrderFieldRules.DISCOUNT_PERCENT_MIN
                    + " to " + OrderFieldRules.DISCOUNT_PERCENT_MAX + " with at most "
                    + OrderFieldRules.FRACTION_DIGITS + " decimals");
        }
        return value.decimalValue().setScale(OrderFieldRules.FRACTION_DIGITS);
    }

    private static Integer integer(String name, JsonNode value, int min, int max) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw new InvalidFieldException(name, "must be a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    private static LocalDate date(String name, JsonNode value) {
        try {
            return LocalDate.parse(value.asText());
        } catch (java.time.DateTimeException e) {
            throw new InvalidFieldException(name, "must be a date such as 2027-01-31");
        }
    }

    private List<LineItem> lines(String name, JsonNode value) {
        if (!value.isArray() || !OrderFieldRules.isLineCount(value.size())) {
            throw new InvalidFieldException(name, "must be a list of " + OrderFieldRules.LINES_MIN + " to "
                    + OrderFieldRules.LINES_MAX + " lines");
        }
        try {
            OrderRequests.Line[] lines = json.treeToValue(value, OrderRequests.Line[].class);
            for (int i = 0; i < lines.length; i++) {
                Set<ConstraintViolation<OrderRequests.Line>> violations = validator.validate(lines[i]);
                if (!violations.isEmpty()) {
                    ConstraintViolation<OrderRequests.Line> v = violations.iterator().next();
                    throw new InvalidFieldException(name + "[" + i + "]." + v.getPropertyPath(), v.getMessage());
                }
            }
            return Arrays.stream(lines).map(l -> new LineItem(l.sku(), l.description(), l.quantity(),
                    l.unitPrice().setScale(OrderFieldRules.FRACTION_DIGITS))).toList();
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidFieldException(name, "each line needs sku, description, quantity and unitPrice only");
        }
    }
}
