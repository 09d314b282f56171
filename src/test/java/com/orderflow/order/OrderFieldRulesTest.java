package com.orderflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.orderflow.modification.ModificationParsing;
import com.orderflow.modification.web.PortalFormChecks;

/**
 * The three ways an order field comes in (the API's request bodies, a modification request, the
 * portal's modification form) take and refuse the same values, and every limit fits its columns.
 */
class OrderFieldRulesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    /** A field as each way in names it: API record and component, request path, form property. */
    record Field(Class<?> api, String apiProperty, String path, String formProperty) {

        static Field customer(String name) {
            return new Field(OrderRequests.CreateCustomer.class, name, "customer." + name, name);
        }

        static Field terms(String name) {
            return new Field(OrderRequests.Terms.class, name, "contract." + name, name);
        }

        static Field line(String name) {
            return new Field(OrderRequests.Line.class, name, "lines", "lines[0]." + name);
        }
    }

    static Stream<Arguments> boundaries() {
        Field contactPerson = Field.customer("contactPerson");
        Field address = Field.customer("address");
        Field email = Field.customer("email");
        Field phone = Field.customer("phone");
        Field discount = new Field(OrderRequests.PatchOrder.class, "discountPercent", "discountPercent",
                "discountPercent");
        Field days = Field.terms("paymentTermsDays");
        Field months = Field.terms("warrantyMonths");
        Field clauses = Field.terms("clauses");
        Field sku = Field.line("sku");
        Field description = Field.line("description");
        Field quantity = Field.line("quantity");
        Field unitPrice = Field.line("unitPrice");
        return Stream.of(
                Arguments.of(contactPerson, "x".repeat(OrderFieldRules.CONTACT_PERSON_MAX), true),
                Arguments.of(contactPerson, "x".repeat(OrderFieldRules.CONTACT_PERSON_MAX + 1), false),
                Arguments.of(contactPerson, "Wang\u0000Fang", false),
                Arguments.of(address, "x".repeat(OrderFieldRules.ADDRESS_MAX), true),
                Arguments.of(address, "x".repeat(OrderFieldRules.ADDRESS_MAX + 1), false),
                Arguments.of(email, "li.na@example.com", true),
                Arguments.of(email, "x".repeat(OrderFieldRules.EMAIL_MAX - "@example.com".length()) + "@example.com",
                        true),
                Arguments.of(email, "x".repeat(OrderFieldRules.EMAIL_MAX + 1 - "@example.com".length())
                        + "@example.com", false),
                Arguments.of(email, "not-an-email", false),
                Arguments.of(email, "li.na@localhost", false),
                Arguments.of(email, "li na@example.com", false),
                Arguments.of(phone, "+86 (21) 5555-0123", true),
                Arguments.of(phone, "123", true),
                Arguments.of(phone, "12", false),
                Arguments.of(phone, "1".repeat(OrderFieldRules.PHONE_MAX), true),
                Arguments.of(phone, "1".repeat(OrderFieldRules.PHONE_MAX + 1), false),
                Arguments.of(phone, "1; DROP TABLE customer", false),
                Arguments.of(discount, new BigDecimal("100"), true),
                Arguments.of(discount, new BigDecimal("100.01"), false),
                Arguments.of(discount, new BigDecimal("0"), true),
                Arguments.of(discount, new BigDecimal("-0.01"), false),
                Arguments.of(discount, new BigDecimal("12.345"), false),
                Arguments.of(discount, new BigDecimal("12.5"), true),
                Arguments.of(discount, new BigDecimal("12.500"), true),
                Arguments.of(discount, new BigDecimal("12.3450"), false),
                Arguments.of(days, OrderFieldRules.PAYMENT_TERMS_DAYS_MAX, true),
                Arguments.of(days, OrderFieldRules.PAYMENT_TERMS_DAYS_MAX + 1, false),
                Arguments.of(days, -1, false),
                Arguments.of(months, OrderFieldRules.WARRANTY_MONTHS_MAX, true),
                Arguments.of(months, OrderFieldRules.WARRANTY_MONTHS_MAX + 1, false),
                Arguments.of(clauses, "x".repeat(OrderFieldRules.CLAUSES_MAX), true),
                Arguments.of(clauses, "x".repeat(OrderFieldRules.CLAUSES_MAX + 1), false),
                Arguments.of(sku, "x".repeat(OrderFieldRules.SKU_MAX), true),
                Arguments.of(sku, "x".repeat(OrderFieldRules.SKU_MAX + 1), false),
                Arguments.of(description, "x".repeat(OrderFieldRules.DESCRIPTION_MAX), true),
                Arguments.of(description, "x".repeat(OrderFieldRules.DESCRIPTION_MAX + 1), false),
                Arguments.of(quantity, 1, true),
                Arguments.of(quantity, 0, false),
                Arguments.of(quantity, OrderFieldRules.QUANTITY_MAX, true),
                Arguments.of(quantity, OrderFieldRules.QUANTITY_MAX + 1, false),
                Arguments.of(unitPrice, new BigDecimal("0"), true),
                Arguments.of(unitPrice, new BigDecimal("-0.01"), false),
                Arguments.of(unitPrice, new BigDecimal(OrderFieldRules.UNIT_PRICE_MAX), true),
                Arguments.of(unitPrice, new BigDecimal(OrderFieldRules.UNIT_PRICE_MAX).add(new BigDecimal("0.01")),
                        false),
                Arguments.of(unitPrice, new BigDecimal("9.999"), false),
                Arguments.of(unitPrice, new BigDecimal("9.990"), true),
                Arguments.of(unitPrice, new BigDecimal(OrderFieldRules.UNIT_PRICE_MAX + "000"), true));
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @MethodSource("boundaries")
    void theApiTheModificationRequestAndThePortalFormAgree(Field field, Object value, boolean valid) {
        assertThat(VALIDATOR.validateValue(field.api(), field.apiProperty(), value).isEmpty()).as("API")
                .isEqualTo(valid);
        assertThat(ModificationParsing.accepts(field.path(), requested(field, value))).as("modification request")
                .isEqualTo(valid);
        assertThat(PortalFormChecks.accepts(field.formProperty(), value)).as("portal form").isEqualTo(valid);
    }

    @Test
    void anAmountWithTrailingZerosIsKeptInCentsAsTheDatabaseKeepsIt() {
        assertThat(new OrderRequests.Line("ERP", "ERP", 1, new BigDecimal("12.500")).unitPrice())
                .hasToString("12.50");
        assertThat(new BillingRequests.IssueInvoice(new BigDecimal("100.0000"), null).amount()).hasToString("100.00");
        assertThat(new OrderRequests.PatchOrder(null, new BigDecimal("7.50"), null, null).discountPercent())
                .hasToString("7.50");
        assertThat(new OrderRequests.PatchOrder(null, new BigDecimal("7.505"), null, null).discountPercent())
                .as("left for validation to refuse").hasToString("7.505");
    }

    @Test
    void allThreeTakeAtMostTheSameNumberOfLines() {
        OrderRequests.Line line = new OrderRequests.Line("SKU-1", "Widget", 2, new BigDecimal("10.00"));
        for (int count : List.of(OrderFieldRules.LINES_MAX, OrderFieldRules.LINES_MAX + 1)) {
            boolean valid = count <= OrderFieldRules.LINES_MAX;
            List<OrderRequests.Line> lines = Collections.nCopies(count, line);
            assertThat(VALIDATOR.validateValue(OrderRequests.PatchOrder.class, "lines", lines).isEmpty()).as("API")
                    .isEqualTo(valid);
            assertThat(ModificationParsing.accepts("lines", lines)).as("modification request").isEqualTo(valid);
            assertThat(PortalFormChecks.withLines(count).hasErrors()).as("portal form").isEqualTo(!valid);
        }
    }

    @Test
    void theLargestOrderTotalFitsTheTotalColumn() {
        // sales_order.total is numeric(19, 2): less than 10^17.
        BigDecimal largest = new BigDecimal(OrderFieldRules.UNIT_PRICE_MAX)
                .multiply(BigDecimal.valueOf(OrderFieldRules.QUANTITY_MAX))
                .multiply(BigDecimal.valueOf(OrderFieldRules.LINES_MAX));
        assertThat(largest).isLessThan(BigDecimal.TEN.pow(17));
    }

    @Test
    void everyTextLimitFitsEachColumnTheValueLandsIn() throws IOException {
        Map<String, Integer> widths = varcharWidths("V1__domain.sql", "V7__order_contact.sql");
        Map<String, Integer> limits = Map.ofEntries(
                Map.entry("customer.name", OrderFieldRules.NAME_MAX),
                Map.entry("sales_order.customer_name", OrderFieldRules.NAME_MAX),
                Map.entry("customer.contact_person", OrderFieldRules.CONTACT_PERSON_MAX),
                Map.entry("sales_order.customer_contact_person", OrderFieldRules.CONTACT_PERSON_MAX),
                Map.entry("customer.email", OrderFieldRules.EMAIL_MAX),
                Map.entry("sales_order.customer_email", OrderFieldRules.EMAIL_MAX),
                Map.entry("customer.phone", OrderFieldRules.PHONE_MAX),
                Map.entry("sales_order.customer_phone", OrderFieldRules.PHONE_MAX),
                Map.entry("customer.address", OrderFieldRules.ADDRESS_MAX),
                Map.entry("sales_order.customer_address", OrderFieldRules.ADDRESS_MAX),
                Map.entry("customer.tax_id", OrderFieldRules.TAX_ID_MAX),
                Map.entry("order_line.sku", OrderFieldRules.SKU_MAX),
                Map.entry("order_line.description", OrderFieldRules.DESCRIPTION_MAX));
        limits.forEach((column, limit) -> assertThat(widths).as(column).containsKey(column)
                .extractingByKey(column).satisfies(width -> assertThat(limit).isLessThanOrEqualTo(width)));
    }

    /** The lines of the order's line in a modification request, with one component replaced. */
    private static Object requested(Field field, Object value) {
        if (!field.path().equals("lines")) {
            return value;
        }
        Map<String, Object> replaced = new HashMap<>();
        replaced.put(field.apiProperty(), value);
        return List.of(line(replaced));
    }

    private static Map<String, Object> line(Map<String, Object> replaced) {
        Map<String, Object> line = new LinkedHashMap<>(Map.of("sku", "SKU-1", "description", "Widget",
                "quantity", 2, "unitPrice", new BigDecimal("10.00")));
        line.putAll(replaced);
        return line;
    }

    /** {@code table.column} → n of every varchar(n) the migrations create or add. */
    private static Map<String, Integer> varcharWidths(String... migrations) throws IOException {
        java.util.regex.Pattern table = java.util.regex.Pattern.compile("(?:create|alter) table (\\w+)");
        java.util.regex.Pattern column = java.util.regex.Pattern.compile(
                "^\\s*(?:alter table \\w+ add column )?(\\w+)\\s+varchar\\((\\d+)\\)");
        Map<String, Integer> widths = new HashMap<>();
        for (String migration : migrations) {
            try (InputStream in = OrderFieldRulesTest.class.getResourceAsStream("/db/migration/" + migration)) {
                String current = null;
                for (String sqlLine : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    Matcher t = table.matcher(sqlLine);
                    if (t.find()) {
                        current = t.group(1);
                    }
                    Matcher c = column.matcher(sqlLine);
                    if (c.find()) {
                        widths.put(current + "." + c.group(1), Integer.parseInt(c.group(2)));
                    }
                }
            }
        }
        return widths;
    }
}
