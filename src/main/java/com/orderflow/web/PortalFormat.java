package com.orderflow.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/** Amounts, dates and stored JSON values written the way the reader's language writes them ({@code @fmt} in templates). */
@Component("fmt")
public class PortalFormat {

    private final ZoneId zone = ZoneId.systemDefault();
    private final Map<Map.Entry<Locale, Currency>, NumberFormat> currencyFormats = new ConcurrentHashMap<>();

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        Currency unit;
        try {
            unit = Currency.getInstance(currency);
        } catch (IllegalArgumentException | NullPointerException e) {
            return number(amount) + (currency == null ? "" : " " + currency);
        }
        // A copy of a format made once per language and currency: building one (locale data, pattern) costs
        // many times more than copying it. Formats are not thread-safe, hence the copy.
        NumberFormat format = currencyFormats.computeIfAbsent(Map.entry(locale(), unit), key -> {
            NumberFormat made = NumberFormat.getCurrencyInstance(key.getKey());
            made.setCurrency(key.getValue());
            return made;
        });
        return ((NumberFormat) format.clone()).format(amount);
    }

    /** A difference to settle, signed and with its currency code: "+25,000.00 CNY". */
    public String signedMoney(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return (amount.signum() > 0 ? "+" : amount.signum() < 0 ? "-" : "") + format.format(amount.abs())
                + (currency == null ? "" : " " + currency);
    }

    public String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    public BigDecimal decimal(int value) {
        return BigDecimal.valueOf(value);
    }

    public String date(LocalDate date) {
        return date == null ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale())
                        .format(instant.atZone(zone));
    }

    /** A stored value (JSON) as text: lines as "sku × quantity @ price", dates and numbers per locale. */
    public String value(JsonNode node, String currency) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "—";
        }
        if (node.isArray()) {
            StringJoiner rows = new StringJoiner("; ");
            node.forEach(item -> rows.add(item(item, currency)));
            return rows.length() == 0 ? "—" : rows.toString();
        }
        if (node.isObject()) {
            return item(node, currency);
        }
        if (node.isNumber()) {
            return number(node.decimalValue());
        }
        String text = node.asText();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return date(LocalDate.parse(text));
        }
        return text;
    }

    private String item(JsonNode item, String currency) {
        if (item.has("sku") && item.has("quantity") && item.has("unitPrice")) {
            return item.path("sku").asText() + " " + item.path("description").asText() + " × "
                    + item.path("quantity").asInt() + " @ " + money(item.path("unitPrice").decimalValue(), currency);
        }
        if (item.has("number") && item.has("amount")) {
            return item.path("number").asText() + " " + money(item.path("amount").decimalValue(), currency) + " "
                    + item.path("status").asText();
        }
        StringJoiner parts = new StringJoiner(", ");
        Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            parts.add(field.getKey() + ": " + (field.getValue().isValueNode() ? field.getValue().asText()
                    : field.getValue().toString()));
        }
        return parts.toString();
    }

    Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
