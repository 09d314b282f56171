package com.orderflow.process;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * The link of a {@code send-email} instance to the email it sends: which family and template, for the
 * work of which instance. Written by orderflow when it queues the email, read by the instance's step,
 * so no variable can point the email at another order or report.
 */
@Entity
class QueuedMail {

    @Id
    private String processInstanceId;

    private String sourceProcessInstanceId;
    private String mails;
    private String template;
    private String about;
    private Instant createdAt;

    protected QueuedMail() {
    }

    QueuedMail(String processInstanceId, String sourceProcessInstanceId, String mails, String template,
            Instant createdAt) {
        this.processInstanceId = processInstanceId;
        this.sourceProcessInstanceId = sourceProcessInstanceId;
        this.mails = mails;
        this.template = template;
        this.createdAt = createdAt;
    }

    String getSourceProcessInstanceId() {
        return sourceProcessInstanceId;
    }

    String getMails() {
        return mails;
    }

    String getTemplate() {
        return template;
    }

    /** What an email queued outside any process is about (see {@link MailQueue#queueAbout}); else null. */
    String getAbout() {
        return about;
    }

    static QueuedMail about(String processInstanceId, String about, String mails, String template, Instant at) {
        QueuedMail mail = new QueuedMail(processInstanceId, null, mails, template, at);
        mail.about = about;
        return mail;
    }
}
