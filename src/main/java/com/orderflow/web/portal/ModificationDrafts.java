package com.orderflow.web.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.modification.ModificationReason;
import com.orderflow.order.LineItem;
import com.orderflow.web.portal.ModificationForm.LineForm;
import com.orderflow.web.portal.PortalQueries.OrderDetails;

/**
 * Turns the form into a change set: checks each field (errors carry message codes, so they show in
 * the user's language next to the field) and keeps only the fields whose value differs from the order.
 */
@Component
class ModificationDrafts {

    /** The request's field path for each form field, as the modification API names them. */
    static final Map<String, String> PATHS = Map.ofEntries(
            Map.entry("customer.email", "email"), Map.entry("customer.contactPerson", "contactPerson"),
            Map.entry("customer.phone", "phone"), Map.entry("customer.address", "address"),
            Map.entry("salesStage", "salesStage"), Map.entry("discountPercent", "discountPercent"),
            Map.entry("lines", "lines"), Map.entry("contract.paymentTermsDays", "paymentTermsDays"),
            Map.entry("contract.deliveryDate", "deliveryDate"), Map.entry("contract.warrantyMonths", "warrantyMonths"),
            Map.entry("contract.clauses", "clauses"));

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\-. ]{3,50}");
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
        } else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            reject(errors, "email", "form.email");
        }
        put(changes, "customer.email", email, order.customer().email());
        textField(form.getContactPerson(), "contactPerson", 500, errors, changes, "customer.contactPerson",
                order.customer().contactPerson());
        String phone = text(form.getPhone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            reject(errors, "phone", "form.phone");
        }
        put(changes, "customer.phone", phone, order.customer().phone());
        textField(form.getAddress(), "address", 500, errors, changes, "customer.address", order.customer().address());
    }

    private void orderChanges(ModificationForm form, OrderDetails order, Errors errors, Map<String, JsonNode> changes) {
        if (form.getSalesStage() == null) {
            reject(errors, "salesStage", "form.required");
        }
        put(changes, "salesStage", form.getSalesStage(), order.salesStage());
        BigDecimal discount = form.getDiscountPercent();
        if (discount == null) {
            reject(errors, "discountPercent", "form.required");
        } else if (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0
                || discount.stripTrailingZeros().scale() > 2) {
            errors.rejectValue("discountPercent", "form.percent");
        } else if (discount.compareTo(order.discountPercent()) != 0) {
            changes.put("discountPercent", json.valueToTree(discount.setScale(2, RoundingMode.UNNECESSARY)));
        }
        List<LineItem> lines = lines(form, errors);
        if (lines != null && !lines.equals(scaled(order.lines()))) {
            changes.put("lines", json.valueToTree(lines));
        }
    }

    private void contractChanges(ModificationForm form, OrderDetails order, Errors errors,
            Map<String, JsonNode> changes) {
        whole(form.getPaymentTermsDays(), "paymentTermsDays", 365, errors, changes, "contract.paymentTermsDays",
                order.contract().paymentTermsDays());
        if (form.getDeliveryDate() == null) {
            reject(errors, "deliveryDate", "form.required");
        }
        put(changes, "contract.deliveryDate", form.getDeliveryDate(), order.contract().deliveryDate());
        whole(form.getWarrantyMonths(), "warrantyMonths", 240, errors, changes, "contract.warrantyMonths",
                order.contract().warrantyMonths());
        textField(form.getClauses(), "clauses", 20_000, errors, changes, "contract.clauses",
                order.contract().clauses());
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
            if (sku == null || sku.length() > 64) {
                valid = reject(errors, prefix + "sku", sku == null ? "form.required" : "form.tooLong");
            }
            if (description == null || description.length() > 500) {
                valid = reject(errors, prefix + "description", description == null ? "form.required" : "form.tooLong");
            }
            if (line.getQuantity() == null || line.getQuantity() < 1 || line.getQuantity() > 1_000_000) {
                valid = reject(errors, prefix + "quantity", "form.quantity");
            }
            BigDecimal price = line.getUnitPrice();
            if (price == null || price.signum() < 0 || price.compareTo(BigDecimal.valueOf(1_000_000_000)) > 0
                    || price.stripTrailingZeros().scale() > 2) {
                valid = reject(errors, prefix + "unitPrice", "form.price");
            }
            if (valid) {
                items.add(new LineItem(sku, description, line.getQuantity(), price.setScale(2, RoundingMode.UNNECESSARY)));
            }
        }
        if (items.isEmpty() && valid) {
            errors.reject("form.noLines");
            return null;
        }
        return valid ? items : null;
    }

    private static List<LineItem> scaled(List<LineItem> lines) {
        return lines.stream().map(l -> new LineItem(l.sku(), l.description(), l.quantity(),
                l.unitPrice().setScale(2, RoundingMode.HALF_EVEN))).toList();
    }

    private void textField(String raw, String field, int max, Errors errors, Map<String, JsonNode> changes,
            String path, String current) {
        String value = text(raw);
        if (value != null && value.length() > max) {
            errors.rejectValue(field, "form.tooLong", new Object[] { max }, null);
            return;
        }
        put(changes, path, value, current);
    }

    private void whole(Integer value, String field, int max, Errors errors, Map<String, JsonNode> changes,
            String path, int current) {
        if (value == null) {
            reject(errors, field, "form.required");
        } else if (value < 0 || value > max) {
            errors.rejectValue(field, "form.range", new Object[] { 0, max }, null);
        } else if (value != current) {
            changes.put(path, json.valueToTree(value));
        }
    }

    private void put(Map<String, JsonNode> changes, String path, Object value, Object current) {
        Object normalised = current instanceof String s ? text(s) : current;
        if (!Objects.equals(value, normalised) && !(value == null && normalised == null)) {
            changes.put(path, value == null ? json.nullNode() : json.valueToTree(value));
        }
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
