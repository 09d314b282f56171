package com.orderflow.notification;

import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import com.orderflow.notification.MailAttachments.Attachment;
import com.orderflow.notification.MailRenderer.RenderedMail;

/** Sends one notification's email through the configured transport (SMTP, or .eml files). */
@Component
class NotificationMailer {

    private final JavaMailSender sender;
    private final String from;

    NotificationMailer(JavaMailSender sender, @Value("${orderflow.mail.from}") String from) {
        this.sender = sender;
        this.from = from;
    }

    void send(Notification notification, RenderedMail mail, Optional<Attachment> attachment) {
        sender.send(compose(notification, mail, attachment));
    }

    MimeMessage compose(Notification notification, RenderedMail mail, Optional<Attachment> attachment) {
        // The sender's own session carries its mail.* settings; only the Message-ID is ours.
        MimeMessage message = new StableIdMimeMessage(sender.createMimeMessage().getSession(),
                notification.getMessageId());
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, attachment.isPresent(), "UTF-8");
            helper.setFrom(from);
            helper.setTo(notification.getRecipientEmail());
            helper.setSubject(notification.getSubject());
            helper.setText(mail.html(), true);
            if (attachment.isPresent()) {
                Attachment file = attachment.get();
                helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.contentType());
            }
            message.setHeader("Content-Language", notification.getLocale());
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not compose notification " + notification.getId(), e);
        }
    }
}
