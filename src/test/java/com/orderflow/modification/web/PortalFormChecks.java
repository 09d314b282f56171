package com.orderflow.modification.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.orderflow.modification.ModificationReason;
import com.orderflow.modification.web.ModificationForm.LineForm;
import com.orderflow.order.ContractTerms;
import com.orderflow.order.LineItem;
import com.orderflow.order.OrderDetails;
import com.orderflow.order.OrderDetails.CustomerInfo;
import com.orderflow.order.OrderStatus;
import com.orderflow.order.SalesStage;

/** The portal's modification form checks, for tests outside this package that compare them with the API. */
public final class PortalFormChecks {

    private static final ModificationDrafts DRAFTS = new ModificationDrafts(JsonMapper.builder()
            .findAndAddModules().build());
    private static final OrderDetails ORDER = new OrderDetails(1L, "SO-1", "sales1", OrderStatus.CLOSED,
            SalesStage.WON, "EUR", new BigDecimal("3.00"), new BigDecimal("10.00"), 1, 0, Instant.EPOCH, null,
            null, new CustomerInfo("Buyer", "Wang Fang", "buyer@example.com", "+86 21 5555 0100", "1 Road", null),
            List.of(new LineItem("SKU-1", "Widget", 1, new BigDecimal("10.00"))),
            new ContractTerms(30, LocalDate.of(2030, 1, 31), 12, null), 1, true);

    private PortalFormChecks() {
    }

    /**
     * Whether the form takes {@code value} in {@code property} (a form property such as
     * {@code contactPerson} or {@code lines[0].quantity}): no error on that property.
     */
    public static boolean accepts(String property, Object value) {
        return !errors(property, value).hasFieldErrors(property);
    }

    /** The errors of a form with {@code count} copies of the order's line. */
    public static Errors withLines(int count) {
        ModificationForm form = filled();
        List<LineForm> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(new LineForm("SKU-" + i, "Widget", 1, new BigDecimal("10.00")));
        }
        form.setLines(lines);
        Errors errors = new BeanPropertyBindingResult(form, "form");
        DRAFTS.changes(form, ORDER, errors);
        return errors;
    }

    private static Errors errors(String property, Object value) {
        ModificationForm form = filled();
        new BeanWrapperImpl(form).setPropertyValue(property, value);
        Errors errors = new BeanPropertyBindingResult(form, "form");
        DRAFTS.changes(form, ORDER, errors);
        return errors;
    }

    private static ModificationForm filled() {
        ModificationForm form = DRAFTS.from(ORDER);
        form.setReason(ModificationReason.CORRECTION);
        form.setDescription("Boundary");
        return form;
    }
}
