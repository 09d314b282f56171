package com.orderflow.notification;

import java.util.Optional;

/** Where attachments come from (the report store implements it), so mail does not depend on reports. */
public interface MailAttachments {

    record Attachment(String fileName, String contentType, byte[] content) {
    }

    Optional<Attachment> load(Long reportId);
}
