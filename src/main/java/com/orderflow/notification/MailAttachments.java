package com.orderflow.notification;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Where attachments come from (the report store implements it), so mail does not depend on reports. */
public interface MailAttachments {

    /** A stored report, with the order it belongs to (null: a report of no order, such as a review). */
    record Attachment(String fileName, String contentType, byte[] content, Long orderId) {
    }

    Optional<Attachment> load(Long reportId);

    /** Those of the users who may read the report (already loaded); only they get it attached. */
    Set<String> readersAmong(Attachment report, Collection<String> userIds);
}
