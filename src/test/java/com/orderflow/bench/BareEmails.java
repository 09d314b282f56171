package com.orderflow.bench;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The bench's floor for email: the messages a modification step sends, with nothing of orderflow's
 * around them (no rendering, recipients, rows or queue). A fixed HTML body taken from a real email and
 * the bytes of a real report, straight to SMTP: one email per step, two with the report once applied,
 * as in the bench's real run (one approver; requester and finance).
 */
public class BareEmails implements JavaDelegate {

    private static volatile JavaMailSender sender;
    private static volatile String html;
    private static volatile byte[] report;

    /** What every instance sends: a copy of the body of {@code sample} and the given report bytes. */
    static void use(JavaMailSender mailSender, MimeMessage sample, byte[] reportBytes) {
        try {
            html = htmlOf(sample);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read the sample email", e);
        }
        report = reportBytes;
        sender = mailSender;
    }

    @Override
    public void execute(DelegateExecution execution) throws MessagingException {
        boolean applied = "notify-applied".equals(execution.getCurrentActivityId());
        MimeMessage[] messages = new MimeMessage[applied ? 2 : 1];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(messages[i], applied, "UTF-8");
            helper.setFrom("orderflow@example.test");
            helper.setTo("floor" + i + "@example.test");
            helper.setSubject(execution.getCurrentActivityId() + " " + execution.getProcessBusinessKey());
            helper.setText(html, true);
            if (applied) {
                helper.addAttachment("report.pdf", new ByteArrayResource(report), "application/pdf");
            }
        }
        sender.send(messages);
    }

    private static String htmlOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = htmlOf(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
