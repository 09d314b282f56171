package com.orderflow.notification;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * Renders {@code templates/mail/<template>.html} in a language. The subject is the page's
 * {@code <title>}, so a template and its texts in {@code i18n/mail*.properties} are the whole email.
 */
@Component
class MailRenderer {

    record RenderedMail(String subject, String html) {
    }

    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final SpringTemplateEngine templates;

    MailRenderer(SpringTemplateEngine templates) {
        this.templates = templates;
    }

    RenderedMail render(String template, Locale locale, Map<String, Object> model) {
        if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("Not a mail template name: " + template);
        }
        Context context = new Context(locale, model == null ? Map.of() : model);
        String html = templates.process("mail/" + template, context);
        Matcher title = TITLE.matcher(html);
        if (!title.find()) {
            throw new IllegalStateException("Mail template " + template + " has no <title> to use as subject");
        }
        String subject = HtmlUtils.htmlUnescape(title.group(1)).replaceAll("\\s+", " ").trim();
        return new RenderedMail(subject, html);
    }
}
