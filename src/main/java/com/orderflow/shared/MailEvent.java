package com.orderflow.shared;

import java.util.Map;
import java.util.Set;

/**
 * A business event that emails people: one email per recipient, rendered from {@code template}
 * in the recipient's language.
 *
 * @param eventKey          unique per event (e.g. {@code request-12-applied}); notifying twice with the
 *                          same key never mails anyone twice
 * @param orderId           the order the email is about (for GET /api/orders/{id}/notifications)
 * @param requestId         the modification request, when there is one
 * @param template          template name, e.g. {@code modification-applied}
 * @param recipientUserIds  Camunda user ids to mail
 * @param recipientGroupIds Camunda group ids whose members are mailed
 * @param model             simple values the template shows (strings, numbers, lists of maps)
 * @param attachmentReportId a stored report to attach, or null
 */
public record MailEvent(String eventKey, Long orderId, Long requestId, String template, Set<String> recipientUserIds,
        Set<String> recipientGroupIds, Map<String, Object> model, Long attachmentReportId) {
}
