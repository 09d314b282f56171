package com.orderflow.order;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The limits of every order field, in one place. The API's annotations, the modification request's
 * parser and the portal form all read them, so a value one accepts the others accept; and each limit
 * fits every column the value can land in (the customer row, the order's own copy of the contact, its
 * lines and contract), so an accepted value never fails in the database or in the apply job.
 *
 * <p>The constants are compile-time constants, usable in bean-validation annotations; the checks are
 * for code that parses values by hand. A {@code null} is for the caller to judge (required or not):
 * the checks below accept it only where the field may be empty.
 */
public final class OrderFieldRules {

    // customer.name and sales_order.customer_name are varchar(200).
    public static final int NAME_MAX = 200;
    // customer.email and sales_order.customer_email are varchar(320): a 64-character local part, @, 255 of domain.
    public static final int EMAIL_MAX = 320;
    // customer.contact_person is varchar(200); the order's copy (varchar(500)) only ever holds what a customer may.
    public static final int CONTACT_PERSON_MAX = 200;
    // customer.phone and sales_order.customer_phone are varchar(50); fewer than 3 characters is no number.
    public static final int PHONE_MIN = 3;
    public static final int PHONE_MAX = 50;
    // customer.address and sales_order.customer_address are varchar(500).
    public static final int ADDRESS_MAX = 500;
    // customer.tax_id is varchar(50).
    public static final int TAX_ID_MAX = 50;
    // order_line.sku is varchar(64).
    public static final int SKU_MAX = 64;
    // order_line.description is varchar(500).
    public static final int DESCRIPTION_MAX = 500;
    // order_line.quantity is an integer; a million of one thing is already a data-entry error.
    public static final int QUANTITY_MIN = 1;
    public static final int QUANTITY_MAX = 1_000_000;
    // LINES_MAX × QUANTITY_MAX × UNIT_PRICE_MAX stays below 10^17, the most sales_order.total numeric(19, 2) holds.
    public static final String UNIT_PRICE_MIN = "0";
    public static final String UNIT_PRICE_MAX = "99999999.99";
    public static final int UNIT_PRICE_INTEGER_DIGITS = 8;
    // Money and percentages are numeric(_, 2) in every table.
    public static final int FRACTION_DIGITS = 2;
    // sales_order.discount_percent is numeric(5, 2): 0.00 to 100.00.
    public static final String DISCOUNT_PERCENT_MIN = "0";
    public static final String DISCOUNT_PERCENT_MAX = "100";
    public static final int DISCOUNT_PERCENT_INTEGER_DIGITS = 3;
    // contract.payment_terms_days is an integer; more than a year is not a payment term.
    public static final int PAYMENT_TERMS_DAYS_MIN = 0;
    public static final int PAYMENT_TERMS_DAYS_MAX = 365;
    // contract.warranty_months is an integer; twenty years is the longest warranty sold.
    public static final int WARRANTY_MONTHS_MIN = 0;
    public static final int WARRANTY_MONTHS_MAX = 240;
    // contract.clauses is text; the bound keeps a request (and its stored old/new values) reasonable.
    public static final int CLAUSES_MAX = 20_000;
    // An order keeps its lines in memory and in every revision snapshot.
    public static final int LINES_MIN = 1;
    public static final int LINES_MAX = 1000;

    // PostgreSQL text cannot hold U+0000; every other character may be stored.
    public static final String TEXT = "[^\\x00]*";
    public static final String TEXT_MESSAGE = "must not contain the character U+0000";
    // Something@something.something without spaces: the address is only displayed, never mailed to.
    public static final String EMAIL = "[^@\\s\\x00]+@[^@\\s\\x00]+\\.[^@\\s\\x00]+";
    public static final String EMAIL_MESSAGE = "must be an email address such as name@example.com";
    public static final String PHONE = "[0-9+()\\-. ]{" + PHONE_MIN + "," + PHONE_MAX + "}";
    public static final String PHONE_MESSAGE = "must be a phone number of " + PHONE_MIN + " to " + PHONE_MAX
            + " digits, spaces and + ( ) - .";
    public static final String CURRENCY = "[A-Z]{3}";

    private static final Pattern TEXT_PATTERN = Pattern.compile(TEXT);
    private static final Pattern EMAIL_PATTERN = Pattern.compile(EMAIL);
    private static final Pattern PHONE_PATTERN = Pattern.compile(PHONE);

    private OrderFieldRules() {
    }

    /** A text of at most {@code max} characters that the database can store; {@code null} fits. */
    public static boolean fits(String value, int max) {
        return value == null || value.length() <= max && TEXT_PATTERN.matcher(value).matches();
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= EMAIL_MAX && EMAIL_PATTERN.matcher(value).matches();
    }

    public static boolean isPhone(String value) {
        return value != null && PHONE_PATTERN.matcher(value).matches();
    }

    public static boolean isQuantity(long value) {
        return value >= QUANTITY_MIN && value <= QUANTITY_MAX;
    }

    public static boolean isUnitPrice(BigDecimal value) {
        return isDecimal(value, new BigDecimal(UNIT_PRICE_MIN), new BigDecimal(UNIT_PRICE_MAX));
    }

    public static boolean isDiscountPercent(BigDecimal value) {
        return isDecimal(value, new BigDecimal(DISCOUNT_PERCENT_MIN), new BigDecimal(DISCOUNT_PERCENT_MAX));
    }

    public static boolean isPaymentTermsDays(long value) {
        return value >= PAYMENT_TERMS_DAYS_MIN && value <= PAYMENT_TERMS_DAYS_MAX;
    }

    public static boolean isWarrantyMonths(long value) {
        return value >= WARRANTY_MONTHS_MIN && value <= WARRANTY_MONTHS_MAX;
    }

    public static boolean isLineCount(int count) {
        return count >= LINES_MIN && count <= LINES_MAX;
    }

    /**
     * An amount as the database keeps it (two decimals) when it is one: {@code 12.500} is {@code 12.50},
     * as the modification parser and the form read it; anything finer is left for validation to refuse.
     */
    public static BigDecimal inCents(BigDecimal value) {
        if (value == null || value.scale() <= FRACTION_DIGITS) {
            return value;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() <= FRACTION_DIGITS ? stripped.setScale(FRACTION_DIGITS) : value;
    }

    // Trailing zeros do not count: a JSON number reaches the modification parser as a double, its zeros gone.
    private static boolean isDecimal(BigDecimal value, BigDecimal min, BigDecimal max) {
        return value != null && value.compareTo(min) >= 0 && value.compareTo(max) <= 0
                && value.stripTrailingZeros().scale() <= FRACTION_DIGITS;
    }
}
