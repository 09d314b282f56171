package com.orderflow.settlement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The arithmetic of settling an order's invoices with its new total: what to propose, and which
 * documents an action means. On plain values, so it is tested without a database. The documents of any
 * accepted action bring the invoiced balance exactly to the new total; anything else is refused.
 */
final class SettlementPlan {

    enum Action {
        /** Invoice the difference. */
        SUPPLEMENTARY_INVOICE,
        /** Credit the excess against the invoices, newest first. */
        CREDIT_NOTE,
        /** Void every invoice and invoice the new total afresh (only when none is credited yet). */
        VOID_AND_REISSUE,
        /** The balance already is the total: the invoices stand as they are. */
        NONE
    }

    /** An invoice that is not void: what is left on it, and whether it has been credited. */
    record OpenInvoice(Long id, String number, BigDecimal remaining, boolean credited) {
    }

    enum Kind {
        INVOICE, CREDIT_NOTE, VOID
    }

    /** One document to issue: an invoice, a credit note against {@code invoiceId}, or a void of it. */
    record Document(Kind kind, Long invoiceId, BigDecimal amount) {
    }

    record Proposal(Action action, BigDecimal amount) {
    }

    /** The documents do not add up, or the action does not fit the difference (a 400 to finance). */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private SettlementPlan() {
    }

    static BigDecimal balance(List<OpenInvoice> invoices) {
        return invoices.stream().map(OpenInvoice::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static Proposal propose(BigDecimal newTotal, List<OpenInvoice> invoices) {
        BigDecimal difference = newTotal.subtract(balance(invoices));
        return switch (difference.signum()) {
            case 1 -> new Proposal(Action.SUPPLEMENTARY_INVOICE, difference);
            case -1 -> new Proposal(Action.CREDIT_NOTE, difference.negate());
            default -> new Proposal(Action.NONE, BigDecimal.ZERO.setScale(2));
        };
    }

    static List<Document> documents(Action action, BigDecimal amount, BigDecimal newTotal, List<OpenInvoice> invoices) {
        BigDecimal difference = newTotal.subtract(balance(invoices));
        return switch (action) {
            case SUPPLEMENTARY_INVOICE -> {
                requireAmount(amount, difference, "a supplementary invoice of the difference");
                yield List.of(new Document(Kind.INVOICE, null, amount));
            }
            case CREDIT_NOTE -> {
                requireAmount(amount, difference.negate(), "credit notes of the excess");
                yield credits(amount, invoices);
            }
            case VOID_AND_REISSUE -> voidAndReissue(amount, newTotal, invoices);
            case NONE -> {
                if (difference.signum() != 0) {
                    throw new Refused("The invoiced balance differs from the new total by " + difference.toPlainString()
                            + ": choose documents that settle it");
                }
                yield List.of();
            }
        };
    }

    private static void requireAmount(BigDecimal amount, BigDecimal expected, String what) {
        if (expected.signum() <= 0) {
            throw new Refused("The difference to settle is " + expected.negate().toPlainString()
                    + " the other way: " + what + " does not settle it");
        }
        if (amount == null || amount.compareTo(expected) != 0) {
            throw new Refused("The documents do not add up: " + what + " must be " + expected.toPlainString()
                    + ", not " + (amount == null ? "empty" : amount.toPlainString()));
        }
    }

    private static List<Document> credits(BigDecimal amount, List<OpenInvoice> invoices) {
        List<Document> documents = new ArrayList<>();
        BigDecimal left = amount;
        List<OpenInvoice> newestFirst = invoices.stream().sorted(Comparator.comparing(OpenInvoice::id).reversed())
                .toList();
        for (OpenInvoice invoice : newestFirst) {
            BigDecimal credit = left.min(invoice.remaining());
            if (credit.signum() > 0) {
                documents.add(new Document(Kind.CREDIT_NOTE, invoice.id(), credit));
                left = left.subtract(credit);
            }
        }
        return documents;
    }

    private static List<Document> voidAndReissue(BigDecimal amount, BigDecimal newTotal, List<OpenInvoice> invoices) {
        if (invoices.stream().anyMatch(OpenInvoice::credited)) {
            throw new Refused("An invoice of this order has credit notes and cannot be voided: settle with a "
                    + "supplementary invoice or credit notes");
        }
        if (amount == null || amount.compareTo(newTotal) != 0) {
            throw new Refused("The documents do not add up: the reissued invoice must be the new total "
                    + newTotal.toPlainString() + ", not " + (amount == null ? "empty" : amount.toPlainString()));
        }
        List<Document> documents = new ArrayList<>();
        invoices.forEach(i -> documents.add(new Document(Kind.VOID, i.id(), i.remaining())));
        if (newTotal.signum() > 0) {
            documents.add(new Document(Kind.INVOICE, null, newTotal));
        }
        return documents;
    }
}
