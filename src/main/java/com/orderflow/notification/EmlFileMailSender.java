package com.orderflow.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The embedded default's mail transport: every message is written as an .eml file
 * (named by its Message-ID, so a resend overwrites instead of duplicating).
 */
class EmlFileMailSender extends JavaMailSenderImpl {

    private final Path directory;

    EmlFileMailSender(Path directory) {
        this.directory = directory;
    }

    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) throws MailException {
        Map<Object, Exception> failed = new LinkedHashMap<>();
        for (MimeMessage message : messages) {
            try {
                Files.createDirectories(directory);
                if (message.getMessageID() == null) {
                    message.saveChanges();
                }
                String name = message.getMessageID().replaceAll("[^A-Za-z0-9@._-]", "") + ".eml";
                try (OutputStream out = Files.newOutputStream(directory.resolve(name))) {
                    message.writeTo(out);
                }
            } catch (IOException | MessagingException e) {
                failed.put(message, e);
            }
        }
        if (!failed.isEmpty()) {
            throw new MailSendException(failed);
        }
    }
}
