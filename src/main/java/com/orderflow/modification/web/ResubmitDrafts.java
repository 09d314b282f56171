package com.orderflow.modification.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.modification.ModificationViews.ChangeView;
import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.modification.OrderField;
import com.orderflow.modification.web.ModificationForm.LineForm;
import com.orderflow.order.LineItem;
import com.orderflow.order.OrderDetails;
import com.orderflow.order.OrderFieldRules;
import com.orderflow.order.SalesStage;

/**
 * The revise form of a rejected or conflicting request: the order as it is now with the request's
 * changes on top, so the requester edits what the approvers objected to instead of starting over.
 */
@Component
class ResubmitDrafts {

    private final ModificationDrafts drafts;
    private final ObjectMapper json;

    ResubmitDrafts(ModificationDrafts drafts, ObjectMapper json) {
        this.drafts = drafts;
        this.json = json;
    }

    ModificationForm from(OrderDetails order, RequestView request) {
        ModificationForm form = drafts.from(order);
        request.changes().forEach(change -> apply(form, change));
        form.setReason(request.reason());
        form.setDescription(request.description());
        drafts.withSpareLine(form);
        return form;
    }

    private void apply(ModificationForm form, ChangeView change) {
        OrderField field = OrderField.byPath(change.field()).orElse(null);
        if (field == null) {
            // A field the form does not offer stays as the order has it; the requester sees the rest.
            return;
        }
        JsonNode after = change.after();
        String text = after == null || after.isNull() ? null : after.asText();
        switch (field) {
            case CUSTOMER_EMAIL -> form.setEmail(text);
            case CUSTOMER_CONTACT_PERSON -> form.setContactPerson(text);
            case CUSTOMER_PHONE -> form.setPhone(text);
            case CUSTOMER_ADDRESS -> form.setAddress(text);
            case SALES_STAGE -> form.setSalesStage(text == null ? null : SalesStage.valueOf(text));
            case DISCOUNT_PERCENT -> form.setDiscountPercent(text == null ? null : percent(after));
            case CONTRACT_PAYMENT_TERMS_DAYS -> form.setPaymentTermsDays(text == null ? null : after.asInt());
            case CONTRACT_DELIVERY_DATE -> form.setDeliveryDate(text == null ? null : LocalDate.parse(text));
            case CONTRACT_WARRANTY_MONTHS -> form.setWarrantyMonths(text == null ? null : after.asInt());
            case CONTRACT_CLAUSES -> form.setClauses(text);
            case LINES -> form.setLines(new ArrayList<>(lines(after).stream()
                    .map(l -> new LineForm(l.sku(), l.description(), l.quantity(), l.unitPrice())).toList()));
        }
    }

    /** Shown as the order form shows a percentage, with its two decimals (the request stores 30.0). */
    private static BigDecimal percent(JsonNode value) {
        return value.decimalValue().setScale(OrderFieldRules.FRACTION_DIGITS, RoundingMode.HALF_EVEN);
    }

    private List<LineItem> lines(JsonNode lines) {
        try {
            return json.readerFor(new TypeReference<List<LineItem>>() { }).readValue(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Lines of the request are not readable", e);
        }
    }
}
