package com.orderflow.support;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The HTML body of the emails GreenMail received, and the links in it. */
public final class MailHtml {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    private MailHtml() {
    }

    /** The first received email to this address whose subject and body match. */
    public static Optional<MimeMessage> find(String recipient, String subjectPart, Predicate<String> body) {
        return Arrays.stream(TestInfrastructure.smtp().getReceivedMessages())
                .filter(m -> recipientOf(m).equals(recipient) && subjectOf(m).contains(subjectPart)
                        && body.test(html(m)))
                .findFirst();
    }

    public static String html(MimeMessage message) {
        try {
            return html((Part) message);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every link of the body, unescaped. */
    public static List<URI> links(String html) {
        List<URI> links = new ArrayList<>();
        Matcher href = HREF.matcher(html);
        while (href.find()) {
            links.add(URI.create(HtmlUtils.htmlUnescape(href.group(1))));
        }
        return links;
    }

    /** The path and query of a link, to follow it on the test's server. */
    public static String pathOf(URI link) {
        return link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
    }

    private static String html(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart child = parts.getBodyPart(i);
                String html = html(child);
                if (!html.isEmpty()) {
                    return html;
                }
            }
        }
        return "";
    }

    private static String recipientOf(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            return "";
        }
    }
}
