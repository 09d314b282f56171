package com.orderflow.notification;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import com.orderflow.notification.MailAttachments.Attachment;
import com.orderflow.notification.MailRenderer.RenderedMail;

/** Sends one notification's email through the configured transport (SMTP, or .eml files). */
@Component
class NotificationMailer {

    static {
        // Jakarta Mail looks its StreamProvider up through the ServiceLoader for every body part it
        // creates and every header it encodes, scanning each jar on the class path every time: a
        // quarter of the time spent mailing. Naming the implementation turns that into a class lookup.
        String provider = StreamProvider.class.getName();
        if (System.getProperty(provider) == null) {
            System.setProperty(provider, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSender sender;
    private final String from;

    NotificationMailer(JavaMailSender sender, @Value("${orderflow.mail.from}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /**
     * Sends the rows' emails over one connection; returns the error of each row not sent. A message
     * the server accepted counts as sent even if closing the connection fails afterwards.
     */
    Map<Long, RuntimeException> send(List<Notification> rows, Function<Notification, RenderedMail> mail,
            Function<Notification, Optional<Attachment>> attachment) {
        Map<Long, RuntimeException> failures = new HashMap<>();
        Map<MimeMessage, Long> rowOf = new LinkedHashMap<>();
        for (Notification row : rows) {
            try {
                rowOf.put(compose(row, mail.apply(row), attachment.apply(row)), row.getId());
            } catch (RuntimeException e) {
                failures.put(row.getId(), e);
            }
        }
        if (rowOf.isEmpty()) {
            return failures;
        }
        try {
            sender.send(rowOf.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            e.getFailedMessages().forEach((message, error) -> failures.put(rowOf.get(message),
                    new MailSendException("Not accepted by the mail server", error)));
        } catch (MailException e) {
            rowOf.values().forEach(id -> failures.put(id, e));
        }
        return failures;
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
