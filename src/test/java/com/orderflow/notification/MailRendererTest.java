package com.orderflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Every mail template renders in both languages, with a full model and with an empty one. */
class MailRendererTest {

    static final List<String> TEMPLATES = List.of("modification-approval-needed", "modification-reminder",
            "modification-escalated", "modification-rejected", "modification-applied", "modification-conflict",
            "order-closed", "order-reopen-approval-needed", "order-reopened", "order-reopen-rejected",
            "review-report");

    private static final Locale ZH_CN = Locale.forLanguageTag("zh-CN");

    private final MailRenderer renderer = new MailRenderer(engine());

    /** Built like Spring Boot's auto-configuration: templates/ and the app's message basenames. */
    static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/mail");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    static Map<String, Object> fullModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("orderNumber", "SO-2026-000001");
        model.put("requester", "sales1");
        model.put("reason", "CONTRACT_CHANGE");
        model.put("description", "Customer <asked> for 60 days");
        model.put("changes", List.of(Map.of("field", "contract.paymentTermsDays", "before", 30, "after", 60),
                Map.of("field", "custom.thing", "after", "x")));
        model.put("requestId", 12L);
        model.put("comment", "Too long");
        model.put("rejectedBy", "finance1");
        model.put("revision", 3);
        model.put("closedBy", "sales1");
        model.put("total", new BigDecimal("12500.00"));
        model.put("currency", "EUR");
        model.put("approvedBy", "admin");
        model.put("reviewId", 1234L);
        model.put("findingCount", 2);
        return model;
    }

    static Stream<String> templates() {
        return TEMPLATES.stream();
    }

    @ParameterizedTest
    @MethodSource("templates")
    void rendersInBothLanguagesWithEveryTextFromTheBundle(String template) {
        var en = renderer.render(template, Locale.ENGLISH, fullModel());
        var zh = renderer.render(template, ZH_CN, fullModel());

        assertThat(en.subject()).startsWith("[orderflow] ").doesNotContain("??");
        assertThat(zh.subject()).startsWith("[orderflow] ").doesNotContain("??").containsPattern("\\p{IsHan}");
        assertThat(en.html()).doesNotContain("??").contains("Please do not reply");
        assertThat(zh.html()).doesNotContain("??").contains("请勿直接回复");
    }

    @ParameterizedTest
    @MethodSource("templates")
    void missingModelValuesLeaveGapsInsteadOfFailing(String template) {
        var en = renderer.render(template, Locale.ENGLISH, Map.of());
        var zh = renderer.render(template, ZH_CN, null);

        assertThat(en.subject()).startsWith("[orderflow]").doesNotContain("null");
        assertThat(zh.subject()).startsWith("[orderflow]").doesNotContain("null");
        assertThat(en.html()).doesNotContain("??").doesNotContain(">null<");
    }

    @Test
    void approvalNeededShowsTheRequestAndItsChanges() {
        var en = renderer.render("modification-approval-needed", Locale.ENGLISH, fullModel());
        var zh = renderer.render("modification-approval-needed", ZH_CN, fullModel());

        assertThat(en.subject()).isEqualTo("[orderflow] Approval needed: change to SO-2026-000001");
        assertThat(zh.subject()).isEqualTo("[orderflow] 待审批：订单 SO-2026-000001 结单修改");
        assertThat(en.html()).contains("Payment terms (days)", ">30<", ">60<", "Contract change", "#12",
                "custom.thing", "Customer &lt;asked&gt; for 60 days");
        assertThat(zh.html()).contains("付款期限（天）", "合同变更", "lang=\"zh-CN\"");
    }

    @Test
    void numbersInSubjectsAreNotFormattedAsAmounts() {
        var review = renderer.render("review-report", Locale.ENGLISH, fullModel());
        assertThat(review.subject()).isEqualTo("[orderflow] Closed-order review 1234: 2 findings");
        var closed = renderer.render("order-closed", Locale.ENGLISH, fullModel());
        assertThat(closed.html()).contains("12500.00 EUR");
    }

    @Test
    void anUnknownLanguageGetsTheEnglishBase() {
        var fr = renderer.render("order-reopened", Locale.FRENCH, fullModel());
        assertThat(fr.subject()).isEqualTo("[orderflow] Order SO-2026-000001 reopened");
    }

    @Test
    void refusesTemplateNamesThatAreNotPlainNames() {
        assertThatThrownBy(() -> renderer.render("../home", Locale.ENGLISH, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyLanguageHasEveryText() throws IOException {
        Properties base = bundle("i18n/mail.properties");
        Properties en = bundle("i18n/mail_en.properties");
        Properties zh = bundle("i18n/mail_zh_CN.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(base.stringPropertyNames());
        assertThat(zh.stringPropertyNames()).isEqualTo(base.stringPropertyNames());
    }

    private static Properties bundle(String path) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MailRendererTest.class.getClassLoader().getResourceAsStream(path)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
