package com.orderflow.modification.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.orderflow.modification.FieldValues;
import com.orderflow.modification.ModificationReason;
import com.orderflow.modification.OrderField;
import com.orderflow.modification.web.ModificationForm.LineForm;
import com.orderflow.order.LineItem;
import com.orderflow.order.OrderDetails;
import com.orderflow.order.OrderFieldRules;

/**
 * Turns the form into a change set: checks each field (errors carry message codes, so they show in
 * the user's language next to the field) and keeps only the fields whose value differs from the order.
 */
@Component
class ModificationDrafts {

    private static final int SPARE_LINES = 1;

    private final ObjectMapper json;

    ModificationDrafts(ObjectMapper json) {
        this.json = json;
    }

    ModificationForm from(OrderDetails order) {
        ModificationForm form = new ModificationForm();
        form.setEmail(order.customer().email());
        form.setContactPerson(order.customer().contactPerson());
        form.setPhone(order.customer().phone());
        form.setAddress(order.customer().address());
        form.setSalesStage(order.salesStage());
        form.setDiscountPercent(order.discountPercent());
        form.setPaymentTermsDays(order.contract().paymentTermsDays());
        form.setDeliveryDate(order.contract().deliveryDate());
        form.setWarrantyMonths(order.contract().warrantyMonths());
        form.setClauses(order.contract().clauses());
        List<LineForm> lines = new ArrayList<>();
        order.lines().forEach(l -> lines.add(new LineForm(l.sku(), l.description(), l.quantity(), l.unitPrice())));
        form.setLines(lines);
        withSpareLine(form);
        return form;
    }

    /** The form always offers an empty row for one more line. */
    void withSpareLine(ModificationForm form) {
        long blanks = form.getLines().stream().filter(LineForm::isBlank).count();
        for (long i = blanks; i < SPARE_LINES; i++) {
            form.getLines().add(new LineForm());
        }
    }

    /** Only what changed, keyed as the API names fields; problems are recorded in {@code errors}. */
    Map<String, JsonNode> changes(ModificationForm form, OrderDetails order, Errors errors) {
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        customerChanges(form, order, errors, changes);
        orderChanges(form, order, errors, changes);
        contractChanges(form, order, errors, changes);
        checkReasonAndDescription(form, errors);
        if (changes.isEmpty() && !errors.hasErrors()) {
            errors.reject("form.noChanges");
        }
        return changes;
    }

    private void customerChanges(ModificationForm form, OrderDetails order, Errors errors,
            Map<String, JsonNode> changes) {
        String email = text(form.getEmail());
        if (email == null) {
            reject(errors, "email", "form.required");
        } else if (!accepts(OrderField.CUSTOMER_EMAIL, email)) {
            reject(errors, "email", "form.email");
        }
        put(changes, OrderField.CUSTOMER_EMAIL, email, order.customer().email());
        textField(form.getContactPerson(), OrderField.CUSTOMER_CONTACT_PERSON, errors, changes,
                order.customer().contactPerson());
        String phone = text(form.getPhone());
        if (!accepts(OrderField.CUSTOMER_PHONE, phone)) {
            errors.rejectValue("phone", "form.phone",
                    new Object[] { OrderFieldRules.PHONE_MIN, OrderFieldRules.PHONE_MAX }, null);
        }
        put(changes, OrderField.CUSTOMER_PHONE, phone, order.customer().phone());
        textField(form.getAddress(), OrderField.CUSTOMER_ADDRESS, errors, changes, order.customer().address());
    }

    private void orderChanges(ModificationForm form, OrderDetails order, Errors errors, Map<String, JsonNode> changes) {
        if (form.getSalesStage() == null) {
            reject(errors, "salesStage", "form.required");
        }
        put(changes, OrderField.SALES_STAGE, form.getSalesStage(), order.salesStage());
        BigDecimal discount = form.getDiscountPercent();
        if (discount == null) {
            reject(errors, "discountPercent", "form.required");
        } else if (!accepts(OrderField.DISCOUNT_PERCENT, discount)) {
            errors.rejectValue("discountPercent", "form.percent");
        } else if (discount.compareTo(order.discountPercent()) != 0) {
            changes.put(OrderField.DISCOUNT_PERCENT.path(), json.valueToTree(scaled(discount)));
        }
        List<LineItem> lines = lines(form, errors);
        if (lines != null && !lines.equals(scaled(order.lines()))) {
            changes.put(OrderField.LINES.path(), json.valueToTree(lines));
        }
    }

    private void contractChanges(ModificationForm form, OrderDetails order, Errors errors,
            Map<String, JsonNode> changes) {
        whole(form.getPaymentTermsDays(), OrderField.CONTRACT_PAYMENT_TERMS_DAYS,
                OrderFieldRules.PAYMENT_TERMS_DAYS_MIN, OrderFieldRules.PAYMENT_TERMS_DAYS_MAX, errors, changes,
                order.contract().paymentTermsDays());
        if (form.getDeliveryDate() == null) {
            reject(errors, "deliveryDate", "form.required");
        }
        put(changes, OrderField.CONTRACT_DELIVERY_DATE, form.getDeliveryDate(), order.contract().deliveryDate());
        whole(form.getWarrantyMonths(), OrderField.CONTRACT_WARRANTY_MONTHS, OrderFieldRules.WARRANTY_MONTHS_MIN,
                OrderFieldRules.WARRANTY_MONTHS_MAX, errors, changes, order.contract().warrantyMonths());
        textField(form.getClauses(), OrderField.CONTRACT_CLAUSES, errors, changes, order.contract().clauses());
    }

    private static void checkReasonAndDescription(ModificationForm form, Errors errors) {
        if (form.getReason() == null) {
            reject(errors, "reason", "form.required");
        } else if (form.getReason() == ModificationReason.RESTORE) {
            errors.rejectValue("reason", "form.reasonRestore");
        }
        String description = text(form.getDescription());
        if (description == null) {
            reject(errors, "description", "form.required");
        } else if (description.length() > 2000) {
            errors.rejectValue("description", "form.tooLong", new Object[] { 2000 }, null);
        }
    }

    private List<LineItem> lines(ModificationForm form, Errors errors) {
        List<LineItem> items = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < form.getLines().size(); i++) {
            LineForm line = form.getLines().get(i);
            if (line.isBlank()) {
                continue;
            }
            String prefix = "lines[" + i + "].";
            String sku = text(line.getSku());
            String description = text(line.getDescription());
            if (sku == null) {
                valid = reject(errors, prefix + "sku", "form.required");
            } else if (!OrderFieldRules.fits(sku, OrderFieldRules.SKU_MAX)) {
                valid = tooLong(errors, prefix + "sku", OrderFieldRules.SKU_MAX);
            }
            if (description == null) {
                valid = reject(errors, prefix + "description", "form.required");
            } else if (!OrderFieldRules.fits(description, OrderFieldRules.DESCRIPTION_MAX)) {
                valid = tooLong(errors, prefix + "description", OrderFieldRules.DESCRIPTION_MAX);
            }
            if (line.getQuantity() == null || !OrderFieldRules.isQuantity(line.getQuantity())) {
                if (!errors.hasFieldErrors(prefix + "quantity")) {
                    errors.rejectValue(prefix + "quantity", "form.quantity",
                            new Object[] { OrderFieldRules.QUANTITY_MIN, OrderFieldRules.QUANTITY_MAX }, null);
                }
                valid = false;
            }
            BigDecimal price = line.getUnitPrice();
            if (!OrderFieldRules.isUnitPrice(price)) {
                if (!errors.hasFieldErrors(prefix + "unitPrice")) {
                    errors.rejectValue(prefix + "unitPrice", "form.price",
                            new Object[] { new BigDecimal(OrderFieldRules.UNIT_PRICE_MAX) }, null);
                }
                valid = false;
            }
            if (valid) {
                items.add(new LineItem(sku, description, line.getQuantity(), scaled(price)));
            }
        }
        if (items.isEmpty() && valid) {
            errors.reject("form.noLines");
            return null;
        }
        if (valid && !OrderFieldRules.isLineCount(items.size())) {
            errors.reject("form.tooManyLines", new Object[] { OrderFieldRules.LINES_MAX }, null);
            return null;
        }
        return valid ? items : null;
    }

    private static List<LineItem> scaled(List<LineItem> lines) {
        return lines.stream().map(l -> new LineItem(l.sku(), l.description(), l.quantity(),
                l.unitPrice().setScale(2, RoundingMode.HALF_EVEN))).toList();
    }

    /** A text the form leaves blank is no value (null), which a text field takes. */
    private void textField(String raw, OrderField field, Errors errors, Map<String, JsonNode> changes,
            String current) {
        String value = text(raw);
        if (!accepts(field, value)) {
            tooLong(errors, field.shortName(), field.maxLength());
            return;
        }
        put(changes, field, value, current);
    }

    /** {@code min} and {@code max} are the field's limits, for the message. */
    private void whole(Integer value, OrderField field, int min, int max, Errors errors,
            Map<String, JsonNode> changes, int current) {
        if (value == null) {
            reject(errors, field.shortName(), "form.required");
        } else if (!accepts(field, value)) {
            errors.rejectValue(field.shortName(), "form.range", new Object[] { min, max }, null);
        } else if (value != current) {
            changes.put(field.path(), json.valueToTree(value));
        }
    }

    private void put(Map<String, JsonNode> changes, OrderField field, Object value, Object current) {
        Object normalised = current instanceof String s ? text(s) : current;
        if (!Objects.equals(value, normalised) && !(value == null && normalised == null)) {
            changes.put(field.path(), value == null ? json.nullNode() : json.valueToTree(value));
        }
    }

    /** By the checks a modification request's value passes, so the form refuses what the request would. */
    private static boolean accepts(OrderField field, Object value) {
        JsonNode node = value == null ? NullNode.getInstance()
                : value instanceof BigDecimal d ? DecimalNode.valueOf(d)
                : value instanceof Integer i ? IntNode.valueOf(i) : TextNode.valueOf(value.toString());
        return FieldValues.accepts(field, node);
    }

    // Trailing zeros only (the rules allow two decimals), so nothing is rounded.
    private static BigDecimal scaled(BigDecimal value) {
        return value.setScale(OrderFieldRules.FRACTION_DIGITS, RoundingMode.UNNECESSARY);
    }

    private static boolean tooLong(Errors errors, String field, int max) {
        if (!errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "form.tooLong", new Object[] { max }, null);
        }
        return false;
    }

    /** A field already rejected (a type mismatch) keeps its first message. */
    private static boolean reject(Errors errors, String field, String code) {
        if (!errors.hasFieldErrors(field)) {
            errors.rejectValue(field, code);
        }
        return false;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
