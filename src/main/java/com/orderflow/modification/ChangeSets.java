package com.orderflow.modification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.order.ContractTerms;
import com.orderflow.order.LineItem;
import com.orderflow.order.SalesOrder;
import com.orderflow.order.SalesStage;
import com.orderflow.shared.InvalidFieldException;

/**
 * Turns the {@code changes} of a request into field changes with old and new values, and applies
 * them to an order. Values are stored as JSON text, so a change reads the same in the API, the
 * approval form, the report and the revision diff.
 */
@Component
class ChangeSets {

    private final FieldValues values;
    private final ObjectMapper json;

    ChangeSets(FieldValues values, ObjectMapper json) {
        this.values = values;
        this.json = json;
    }

    /** Field changes from the order as it is now to the requested values; no-ops are refused. */
    List<FieldChange> diff(SalesOrder order, Map<String, JsonNode> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new InvalidFieldException("changes", "name at least one field to change");
        }
        List<FieldChange> changes = new ArrayList<>();
        for (var entry : requested.entrySet()) {
            OrderField field = OrderField.byPath(entry.getKey()).orElseThrow(() -> new InvalidFieldException(
                    "changes." + entry.getKey(), "is not a field a modification request can change"));
            Object newValue = values.parse(field, entry.getValue() == null ? json.nullNode() : entry.getValue());
            String oldJson = write(field.read(order));
            String newJson = write(newValue);
            if (oldJson.equals(newJson)) {
                throw new InvalidFieldException("changes." + field.path(), "already has this value");
            }
            changes.add(new FieldChange(field.path(), oldJson, newJson));
        }
        return changes;
    }

    /** Applies the changes to the order aggregate: its copy of the customer's contact, lines and contract. */
    void apply(SalesOrder order, List<FieldChange> changes) {
        ContractTerms terms = order.getContract().toTerms();
        boolean contract = false;
        for (FieldChange change : changes) {
            OrderField field = OrderField.byPath(change.getField()).orElseThrow();
            Object value = read(field, change.getNewValue());
            if (field.isContractTerm()) {
                terms = field.withTerm(terms, value);
                contract = true;
            } else {
                applyOrderField(order, field, value);
            }
        }
        if (contract) {
            order.changeContract(terms);
        }
    }

    private static void applyOrderField(SalesOrder order, OrderField field, Object value) {
        switch (field) {
            case CUSTOMER_EMAIL -> order.changeContact(order.getContact().withEmail((String) value));
            case CUSTOMER_CONTACT_PERSON -> order.changeContact(order.getContact().withContactPerson((String) value));
            case CUSTOMER_PHONE -> order.changeContact(order.getContact().withPhone((String) value));
            case CUSTOMER_ADDRESS -> order.changeContact(order.getContact().withAddress((String) value));
            case SALES_STAGE -> order.changeSalesStage((SalesStage) value);
            case DISCOUNT_PERCENT -> order.changeDiscount((BigDecimal) value);
            case LINES -> order.replaceLines(castLines(value));
            default -> throw new IllegalArgumentException(field.path());
        }
    }

    /** The order total if these changes were applied, for the approval rules. */
    BigDecimal totalAfter(SalesOrder order, List<FieldChange> changes) {
        List<LineItem> lines = order.lineItems();
        BigDecimal discount = order.getDiscountPercent();
        for (FieldChange change : changes) {
            OrderField field = OrderField.byPath(change.getField()).orElseThrow();
            if (field == OrderField.LINES) {
                lines = castLines(read(field, change.getNewValue()));
            } else if (field == OrderField.DISCOUNT_PERCENT) {
                discount = (BigDecimal) read(field, change.getNewValue());
            }
        }
        return SalesOrder.totalOf(lines, discount);
    }

    Object read(OrderField field, String jsonText) {
        try {
            return switch (field.kind()) {
                case LINES -> json.readValue(jsonText, new TypeReference<List<LineItem>>() { });
                case PERCENT -> json.readValue(jsonText, BigDecimal.class);
                case DAYS, MONTHS -> json.readValue(jsonText, Integer.class);
                case DATE -> json.readValue(jsonText, LocalDate.class);
                case SALES_STAGE -> json.readValue(jsonText, SalesStage.class);
                default -> json.readValue(jsonText, String.class);
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored value of " + field.path() + " is not readable", e);
        }
    }

    /** A readable "field: before → after" summary for approvers. */
    Map<String, String[]> summary(List<FieldChange> changes) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        changes.forEach(c -> rows.put(c.getField(), new String[] { c.getOldValue(), c.getNewValue() }));
        return rows;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Value is not serialisable", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<LineItem> castLines(Object value) {
        return (List<LineItem>) value;
    }
}
