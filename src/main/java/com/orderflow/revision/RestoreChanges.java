package com.orderflow.revision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.order.LineItem;
import com.orderflow.order.OrderSnapshot;

/**
 * The changes that take an order back to a revision, over the fields a user can change (those a
 * modification request names: customer contact, sales stage, discount, lines, contract terms), as the
 * {@code changes} of a RESTORE request. Money is compared by value, so 5 and 5.00 are the same.
 */
@Component
class RestoreChanges {

    private final ObjectMapper json;

    RestoreChanges(ObjectMapper json) {
        this.json = json;
    }

    Map<String, JsonNode> between(OrderSnapshot current, OrderSnapshot target) {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("customer.email", pair(current.customer().email(), target.customer().email()));
        fields.put("customer.contactPerson", pair(current.customer().contactPerson(),
                target.customer().contactPerson()));
        fields.put("customer.phone", pair(current.customer().phone(), target.customer().phone()));
        fields.put("customer.address", pair(current.customer().address(), target.customer().address()));
        fields.put("salesStage", pair(current.salesStage(), target.salesStage()));
        fields.put("discountPercent", pair(money(current.discountPercent()), money(target.discountPercent())));
        fields.put("lines", pair(lines(current.lines()), lines(target.lines())));
        fields.put("contract.paymentTermsDays", pair(current.contract().paymentTermsDays(),
                target.contract().paymentTermsDays()));
        fields.put("contract.deliveryDate", pair(current.contract().deliveryDate(),
                target.contract().deliveryDate()));
        fields.put("contract.warrantyMonths", pair(current.contract().warrantyMonths(),
                target.contract().warrantyMonths()));
        fields.put("contract.clauses", pair(current.contract().clauses(), target.contract().clauses()));

        Map<String, JsonNode> changes = new LinkedHashMap<>();
        fields.forEach((path, values) -> {
            JsonNode now = tree(values[0]);
            JsonNode then = tree(values[1]);
            if (!now.equals(then)) {
                changes.put(path, then);
            }
        });
        return changes;
    }

    private JsonNode tree(Object value) {
        return value == null ? json.nullNode() : json.valueToTree(value);
    }

    private static Object[] pair(Object now, Object then) {
        return new Object[] { now, then };
    }

    private static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static List<LineItem> lines(List<LineItem> lines) {
        return lines.stream().map(l -> new LineItem(l.sku(), l.description(), l.quantity(), money(l.unitPrice())))
                .toList();
    }
}
