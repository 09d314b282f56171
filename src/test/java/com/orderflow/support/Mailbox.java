package com.orderflow.support;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** What the shared GreenMail received, filtered to one order's emails. */
public final class Mailbox {

    public record Mail(String to, String subject, String messageId) {
    }

    private Mailbox() {
    }

    public static List<Mail> about(String orderNumber) {
        return Arrays.stream(TestInfrastructure.smtp().getReceivedMessages()).map(Mailbox::mail)
                .filter(m -> m.subject().contains(orderNumber)).toList();
    }

    public static List<Mail> about(String orderNumber, String recipient) {
        return about(orderNumber).stream().filter(m -> m.to().equals(recipient)).toList();
    }

    private static Mail mail(MimeMessage message) {
        try {
            return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), message.getMessageID());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
