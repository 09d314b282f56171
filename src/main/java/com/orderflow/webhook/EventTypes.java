package com.orderflow.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one table from audit actions to CloudEvent types. An action not listed still goes out, under a
 * type made the same way ({@code SOME_NEW_ACTION} → {@code orderflow.some.new-action}), so a new write
 * is never silently left out; list it here to give it a name subscribers can rely on.
 */
final class EventTypes {

    static final String ALL = "*";

    private static final Map<String, String> BY_ACTION = Map.ofEntries(
            Map.entry("ORDER_CREATED", "orderflow.order.created"),
            Map.entry("ORDER_EDITED", "orderflow.order.edited"),
            Map.entry("ORDER_CLOSE_REQUESTED", "orderflow.order.close-requested"),
            Map.entry("ORDER_CLOSING_CHECKS_FAILED", "orderflow.order.closing-checks-failed"),
            Map.entry("ORDER_CLOSING_RETRIED", "orderflow.order.closing-retried"),
            Map.entry("ORDER_CLOSE_CANCELLED", "orderflow.order.close-cancelled"),
            Map.entry("ORDER_CLOSED", "orderflow.order.closed"),
            Map.entry("ORDER_REOPEN_REQUESTED", "orderflow.order.reopen-requested"),
            Map.entry("ORDER_REOPEN_APPROVED", "orderflow.order.reopen-approved"),
            Map.entry("ORDER_REOPEN_REJECTED", "orderflow.order.reopen-rejected"),
            Map.entry("ORDER_REOPENED", "orderflow.order.reopened"),
            Map.entry("ORDER_CANCELLED", "orderflow.order.cancelled"),
            Map.entry("MODIFICATION_REQUESTED", "orderflow.modification.requested"),
            Map.entry("MODIFICATION_RESUBMITTED", "orderflow.modification.resubmitted"),
            Map.entry("MODIFICATION_APPROVED", "orderflow.modification.approved"),
            Map.entry("MODIFICATION_REJECTED", "orderflow.modification.rejected"),
            Map.entry("MODIFICATION_APPLIED", "orderflow.modification.applied"),
            Map.entry("MODIFICATION_CONFLICT", "orderflow.modification.conflict"),
            Map.entry("MODIFICATION_WITHDRAWN", "orderflow.modification.withdrawn"),
            Map.entry("INVOICE_ISSUED", "orderflow.invoice.issued"),
            Map.entry("CREDIT_NOTE_ISSUED", "orderflow.credit-note.issued"),
            Map.entry("INVOICE_VOIDED", "orderflow.invoice.voided"),
            Map.entry("INVOICES_NEED_SETTLEMENT", "orderflow.settlement.needed"),
            Map.entry("SETTLEMENT_OPENED", "orderflow.settlement.opened"),
            Map.entry("SETTLEMENT_UPDATED", "orderflow.settlement.updated"),
            Map.entry("INVOICES_SETTLED", "orderflow.settlement.settled"),
            Map.entry("DELIVERIES_CHANGED", "orderflow.delivery.changed"),
            Map.entry("DELIVERY_DELIVERED", "orderflow.delivery.delivered"),
            Map.entry("RETURN_RECEIVED", "orderflow.delivery.return-received"));

    private static final Set<String> KNOWN = Set.copyOf(BY_ACTION.values());
    private static final Pattern TYPE = Pattern.compile("orderflow(\\.[a-z][a-z-]*){2,}");

    private EventTypes() {
    }

    static String of(String action) {
        String listed = BY_ACTION.get(action);
        if (listed != null) {
            return listed;
        }
        String lower = action.toLowerCase(Locale.ROOT);
        int first = lower.indexOf('_');
        return first < 0 ? "orderflow." + lower + ".recorded"
                : "orderflow." + lower.substring(0, first) + "." + lower.substring(first + 1).replace('_', '-');
    }

    /** What a subscriber may ask for: {@code *}, a listed type, or one shaped like a type (a future action). */
    static boolean isSubscribable(String type) {
        return ALL.equals(type) || KNOWN.contains(type) || TYPE.matcher(type).matches();
    }

    static Set<String> known() {
        return KNOWN;
    }
}
