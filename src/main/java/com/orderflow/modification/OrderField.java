package com.orderflow.modification;

import java.util.Arrays;
import java.util.Optional;

import com.orderflow.order.ContractTerms;
import com.orderflow.order.OrderFieldRules;
import com.orderflow.order.SalesOrder;

/**
 * The fields of an order a modification request may change, named as in the API
 * ({@code "contract.paymentTermsDays"}). Each reads its current value and writes a new one. The
 * {@code customer.*} fields are the order's own copy of the contact details, not the shared customer.
 */
public enum OrderField {

    CUSTOMER_EMAIL("customer.email", Kind.EMAIL, OrderFieldRules.EMAIL_MAX),
    CUSTOMER_CONTACT_PERSON("customer.contactPerson", Kind.TEXT, OrderFieldRules.CONTACT_PERSON_MAX),
    CUSTOMER_PHONE("customer.phone", Kind.PHONE, OrderFieldRules.PHONE_MAX),
    CUSTOMER_ADDRESS("customer.address", Kind.TEXT, OrderFieldRules.ADDRESS_MAX),
    SALES_STAGE("salesStage", Kind.SALES_STAGE),
    DISCOUNT_PERCENT("discountPercent", Kind.PERCENT),
    LINES("lines", Kind.LINES),
    CONTRACT_PAYMENT_TERMS_DAYS("contract.paymentTermsDays", Kind.DAYS),
    CONTRACT_DELIVERY_DATE("contract.deliveryDate", Kind.DATE),
    CONTRACT_WARRANTY_MONTHS("contract.warrantyMonths", Kind.MONTHS),
    CONTRACT_CLAUSES("contract.clauses", Kind.LONG_TEXT, OrderFieldRules.CLAUSES_MAX);

    /** How a value is checked and parsed; see {@link FieldValues}. */
    enum Kind {
        EMAIL, TEXT, PHONE, SALES_STAGE, PERCENT, LINES, DAYS, DATE, MONTHS, LONG_TEXT
    }

    private final String path;
    private final Kind kind;
    private final int maxLength;

    OrderField(String path, Kind kind) {
        this(path, kind, 0);
    }

    OrderField(String path, Kind kind, int maxLength) {
        this.path = path;
        this.kind = kind;
        this.maxLength = maxLength;
    }

    public String path() {
        return path;
    }

    Kind kind() {
        return kind;
    }

    /** The longest text this field takes, from {@link OrderFieldRules}; 0 for fields that are not text. */
    public int maxLength() {
        return maxLength;
    }

    /** The path's last part ({@code "contract.deliveryDate"}: {@code "deliveryDate"}), as forms name the field. */
    public String shortName() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    boolean isContractTerm() {
        return path.startsWith("contract.");
    }

    boolean changesMoney() {
        return this == LINES || this == DISCOUNT_PERCENT;
    }

    public static Optional<OrderField> byPath(String path) {
        return Arrays.stream(values()).filter(f -> f.path.equals(path)).findFirst();
    }

    /** The current value, as a plain Java value (String, BigDecimal, Integer, LocalDate, List of LineItem). */
    Object read(SalesOrder order) {
        ContractTerms terms = order.getContract().toTerms();
        return switch (this) {
            case CUSTOMER_EMAIL -> order.getContact().email();
            case CUSTOMER_CONTACT_PERSON -> order.getContact().contactPerson();
            case CUSTOMER_PHONE -> order.getContact().phone();
            case CUSTOMER_ADDRESS -> order.getContact().address();
            case SALES_STAGE -> order.getSalesStage();
            case DISCOUNT_PERCENT -> order.getDiscountPercent();
            case LINES -> order.lineItems();
            case CONTRACT_PAYMENT_TERMS_DAYS -> terms.paymentTermsDays();
            case CONTRACT_DELIVERY_DATE -> terms.deliveryDate();
            case CONTRACT_WARRANTY_MONTHS -> terms.warrantyMonths();
            case CONTRACT_CLAUSES -> terms.clauses();
        };
    }

    /** Contract terms with this field replaced; only for contract fields. */
    ContractTerms withTerm(ContractTerms terms, Object value) {
        return switch (this) {
            case CONTRACT_PAYMENT_TERMS_DAYS -> terms.withPaymentTermsDays((Integer) value);
            case CONTRACT_DELIVERY_DATE -> terms.withDeliveryDate((java.time.LocalDate) value);
            case CONTRACT_WARRANTY_MONTHS -> terms.withWarrantyMonths((Integer) value);
            case CONTRACT_CLAUSES -> terms.withClauses((String) value);
            default -> throw new IllegalArgumentException(path + " is not a contract term");
        };
    }
}
