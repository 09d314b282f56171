package com.orderflow.shared;

import java.util.Set;

/** The signed-in user and their Camunda groups, as every service sees them. */
public record Actor(String userId, Set<String> groups) {

    public static final String SALES = "sales";
    public static final String SALES_MANAGERS = "sales-managers";
    public static final String FINANCE = "finance";
    public static final String LEGAL = "legal";
    public static final String ADMINS = "camunda-admin";

    private static final Set<String> SEE_ALL = Set.of(SALES_MANAGERS, FINANCE, LEGAL, ADMINS);
    private static final Set<String> MANAGE_ALL = Set.of(SALES_MANAGERS, ADMINS);
    private static final Set<String> SELL = Set.of(SALES, SALES_MANAGERS, ADMINS);

    public Actor {
        groups = Set.copyOf(groups);
    }

    public boolean isMemberOf(String group) {
        return groups.contains(group);
    }

    /** Managers, finance, legal and admins see every order; reps only their own. */
    public boolean canSeeAll() {
        return groups.stream().anyMatch(SEE_ALL::contains);
    }

    public boolean canRead(String owner) {
        return userId.equals(owner) || canSeeAll();
    }

    /** The owner, sales managers and admins may change an order; finance and legal only read. */
    public boolean canChange(String owner) {
        return userId.equals(owner) || groups.stream().anyMatch(MANAGE_ALL::contains);
    }

    public boolean canSell() {
        return groups.stream().anyMatch(SELL::contains);
    }

    /** Finance and admins issue invoices and credit notes and void invoices. */
    public boolean canBill() {
        return isMemberOf(FINANCE) || isMemberOf(ADMINS);
    }
}
