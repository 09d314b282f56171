package com.orderflow.modification;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.orderflow.order.LineItem;
import com.orderflow.order.SalesStage;

/**
 * The field changes of a request as people read them: "付款期限（天）/ Payment terms (days): 30 → 60",
 * lines as "2 × ERP-100 (ERP licence) @ 1,200.00", no JSON quotes. The labels are the emails' texts
 * ({@code mail.field.*}, {@code stage.*}), so Tasklist, emails and the portal name a field alike.
 */
@Component
class ChangeTexts {

    static final Locale ZH_CN = Locale.forLanguageTag("zh-CN");
    static final String EMPTY = "—";
    private static final String ARROW = " → ";

    private final ChangeSets changeSets;
    private final MessageSource messages;

    ChangeTexts(ChangeSets changeSets, MessageSource messages) {
        this.changeSets = changeSets;
        this.messages = messages;
    }

    /**
     * What the Tasklist forms show: one text for every approver, so each label and word in zh-CN and
     * English; values (numbers, dates, SKUs) read the same in both.
     */
    String bilingualSummary(List<FieldChange> changes, String currency) {
        return changes.stream().map(c -> bilingual(c, currency)).collect(Collectors.joining("\n"));
    }

    /** The same in one language (a test, an email in that language). */
    String summary(List<FieldChange> changes, String currency, Locale locale) {
        return changes.stream()
                .map(c -> row(label(c.getField(), currency, locale), value(c.getField(), c.getOldValue(), locale),
                        value(c.getField(), c.getNewValue(), locale), blockOf(c),
                        text("mail.label.before", locale), text("mail.label.after", locale)))
                .collect(Collectors.joining("\n"));
    }

    /**
     * The rows of an email's change table, {field, before, after}: one model serves every language, so
     * a sales stage carries its message code ({@code beforeCode}, {@code afterCode}) for the template.
     */
    List<Map<String, String>> mailRows(List<FieldChange> changes) {
        return changes.stream().map(this::mailRow).toList();
    }

    private Map<String, String> mailRow(FieldChange change) {
        Map<String, String> row = new HashMap<>();
        row.put("field", change.getField());
        row.put("before", value(change.getField(), change.getOldValue(), Locale.ENGLISH));
        row.put("after", value(change.getField(), change.getNewValue(), Locale.ENGLISH));
        if (OrderField.SALES_STAGE.path().equals(change.getField())) {
            stageCode(change.getOldValue()).ifPresent(code -> row.put("beforeCode", code));
            stageCode(change.getNewValue()).ifPresent(code -> row.put("afterCode", code));
        }
        return row;
    }

    private Optional<String> stageCode(String jsonText) {
        return Optional.ofNullable(jsonText).map(j -> changeSets.read(OrderField.SALES_STAGE, j))
                .map(stage -> "stage." + ((SalesStage) stage).name());
    }

    /** A stored (JSON) value as text in a language; an unknown field shows its stored text. */
    String value(String path, String jsonText, Locale locale) {
        OrderField field = OrderField.byPath(path).orElse(null);
        if (field == null || jsonText == null) {
            return jsonText == null ? EMPTY : jsonText;
        }
        Object value = changeSets.read(field, jsonText);
        if (value == null || value.toString().isBlank()) {
            return EMPTY;
        }
        return switch (field.kind()) {
            case LINES -> lines(castLines(value));
            case PERCENT -> number((BigDecimal) value, 0) + "%";
            case DATE -> ((LocalDate) value).toString();
            case SALES_STAGE -> text("stage." + ((SalesStage) value).name(), locale);
            default -> value.toString();
        };
    }

    /** The label of a field, with the order's currency for the lines, whose prices are in it. */
    String label(String path, String currency, Locale locale) {
        String label = messages.getMessage("mail.field." + path, null, path, locale);
        return OrderField.byPath(path).filter(f -> f == OrderField.LINES && currency != null)
                .map(f -> "zh".equals(locale.getLanguage()) ? label + "（" + currency + "）"
                        : label + " (" + currency + ")").orElse(label);
    }

    /** Money as both languages write it: grouped thousands, two decimals ("1,200.00"). */
    static String money(BigDecimal amount) {
        return number(amount, 2);
    }

    private String bilingual(FieldChange change, String currency) {
        String path = change.getField();
        String label = both(label(path, currency, ZH_CN), label(path, currency, Locale.ENGLISH));
        String before = both(value(path, change.getOldValue(), ZH_CN), value(path, change.getOldValue(),
                Locale.ENGLISH));
        String after = both(value(path, change.getNewValue(), ZH_CN), value(path, change.getNewValue(),
                Locale.ENGLISH));
        return row(label, before, after, blockOf(change), both(text("mail.label.before", ZH_CN),
                text("mail.label.before", Locale.ENGLISH)), both(text("mail.label.after", ZH_CN),
                text("mail.label.after", Locale.ENGLISH)));
    }

    /** Short values on one line; lines and clauses, which run long, as a block with before and after. */
    private static String row(String label, String before, String after, boolean block, String beforeLabel,
            String afterLabel) {
        if (!block) {
            return label + ": " + before + ARROW + after;
        }
        return label + ":\n  " + beforeLabel + ":\n" + indent(before) + "\n  " + afterLabel + ":\n" + indent(after);
    }

    private static boolean blockOf(FieldChange change) {
        return OrderField.byPath(change.getField())
                .map(f -> f.kind() == OrderField.Kind.LINES || f.kind() == OrderField.Kind.LONG_TEXT).orElse(false);
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + l).collect(Collectors.joining("\n"));
    }

    /** The same word in both languages once, different words as "中文 / English". */
    private static String both(String zh, String en) {
        if (zh.equals(en)) {
            return zh;
        }
        // A full-width bracket brings its own space, as in the forms' labels: "付款期限（天）/ Payment terms".
        return zh + (zh.endsWith("）") ? "/ " : " / ") + en;
    }

    private static String lines(List<LineItem> lines) {
        if (lines.isEmpty()) {
            return EMPTY;
        }
        return lines.stream().map(ChangeTexts::line).collect(Collectors.joining("\n"));
    }

    private static String line(LineItem line) {
        String description = line.description() == null || line.description().isBlank()
                || line.description().equals(line.sku()) ? "" : " (" + line.description() + ")";
        return line.quantity() + " × " + line.sku() + description + " @ " + money(line.unitPrice());
    }

    private static String number(BigDecimal value, int minDecimals) {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(minDecimals);
        format.setMaximumFractionDigits(Math.max(2, value.scale()));
        return format.format(value);
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }

    @SuppressWarnings("unchecked")
    private static List<LineItem> castLines(Object value) {
        return (List<LineItem>) value;
    }
}
