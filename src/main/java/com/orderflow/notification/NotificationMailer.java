package com.orderflow.notification;

import java.util.Optional;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
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
            MimeMessageHelper helper = new SharedTypesMessageHelper(message, attachment.isPresent());
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

    /**
     * Spring's helper reads the mime.types table anew for every message that is not its own
     * SmartMimeMessage; ours carries a stable Message-ID, so it gets the table read once.
     */
    private static final class SharedTypesMessageHelper extends MimeMessageHelper {

        private static final FileTypeMap MIME_TYPES = readMimeTypes();

        SharedTypesMessageHelper(MimeMessage message, boolean multipart) throws MessagingException {
            super(message, multipart, "UTF-8");
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return MIME_TYPES;
        }

        private static FileTypeMap readMimeTypes() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
    }
}
