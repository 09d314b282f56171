package com.orderflow.modification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.order.LineItem;
import com.orderflow.order.OrderRequests;
import com.orderflow.order.SalesStage;
import com.orderflow.shared.InvalidFieldException;

/** Checks and parses a requested new value with the same limits as the order API. */
@Component
class FieldValues {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\-. ]{3,50}");

    private final ObjectMapper json;
    private final Validator validator;

    FieldValues(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    Object parse(OrderField field, JsonNode value) {
        String name = "changes." + field.path();
        return switch (field.kind()) {
            case EMAIL -> text(name, value, 320, EMAIL, false);
            case PHONE -> text(name, value, 50, PHONE, true);
            case TEXT -> text(name, value, 500, null, true);
            case LONG_TEXT -> text(name, value, 20_000, null, true);
            case SALES_STAGE -> salesStage(name, value);
            case PERCENT -> number(name, value, BigDecimal.ZERO, BigDecimal.valueOf(100)).setScale(2);
            case DAYS -> integer(name, value, 365);
            case MONTHS -> integer(name, value, 240);
            case DATE -> date(name, value);
            case LINES -> lines(name, value);
        };
    }

    private static String text(String name, JsonNode value, int max, Pattern pattern, boolean nullable) {
        if (value.isNull() && nullable) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > max) {
            throw new InvalidFieldException(name, "must be a text of 1 to " + max + " characters");
        }
        if (pattern != null && !pattern.matcher(value.asText()).matches()) {
            throw new InvalidFieldException(name, "is not well-formed");
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

    private static BigDecimal number(String name, JsonNode value, BigDecimal min, BigDecimal max) {
        if (!value.isNumber() || value.decimalValue().compareTo(min) < 0 || value.decimalValue().compareTo(max) > 0
                || value.decimalValue().scale() > 2) {
            throw new InvalidFieldException(name, "must be a number from " + min + " to " + max
                    + " with at most 2 decimals");
        }
        return value.decimalValue();
    }

    private static Integer integer(String name, JsonNode value, int max) {
        if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > max) {
            throw new InvalidFieldException(name, "must be a whole number from 0 to " + max);
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
        if (!value.isArray() || value.isEmpty() || value.size() > 1000) {
            throw new InvalidFieldException(name, "must be a list of 1 to 1000 lines");
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
                    l.unitPrice().setScale(2))).toList();
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidFieldException(name, "each line needs sku, description, quantity and unitPrice only");
        }
    }
}
