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
import org.junit.jupiter.params.provider.CsvSource;
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
            "review-report", "settlement-needed", "settlement-reminder", "settlement-escalated", "invoices-settled",
            "deliveries-changed");

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
        // The settlement figures first, so the order and currency below are every template's.
        Map<String, Object> model = new HashMap<>(settlementModel());
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

    /** The model orderflow gives the settlement emails: amounts as plain strings, documents as maps. */
    static Map<String, Object> settlementModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("orderNumber", "SO-2026-000123");
        model.put("currency", "CNY");
        model.put("oldTotal", "100000.00");
        model.put("newTotal", "125000.00");
        model.put("invoicedBalance", "100000.00");
        model.put("difference", "25000.00");
        model.put("proposal", "补开发票 25000.00 CNY / Issue a supplementary invoice of 25000.00 CNY");
        model.put("settledBy", "finance1");
        model.put("documents", List.of(Map.of("number", "INV-2027-000042", "kind", "VOID", "amount", "100000.00"),
                Map.of("number", "INV-2027-000043", "kind", "INVOICE", "amount", "125000.00"),
                Map.of("number", "CN-2027-000007", "kind", "CREDIT_NOTE", "amount", "1200.00")));
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
    void anEmailThatAsksToActLinksToWhereTheReaderActsAndReadsTheStageInTheirLanguage() {
        Map<String, Object> model = new HashMap<>(fullModel());
        model.put("changes", List.of(Map.of("field", "salesStage", "before", "PROPOSAL", "after", "WON",
                "beforeCode", "stage.PROPOSAL", "afterCode", "stage.WON"), Map.of("field", "lines",
                "before", "2 × ERP (ERP licence) @ 1,200.00", "after", "3 × ERP (ERP licence) @ 1,200.00")));
        model.put("actionUrl", "https://orderflow.example.test/tasks/open?process=42&order=7");
        model.put("orderUrl", "https://orderflow.example.test/orders/7");

        var en = renderer.render("modification-approval-needed", Locale.ENGLISH, model);
        var zh = renderer.render("modification-approval-needed", ZH_CN, model);

        assertThat(en.html()).contains("href=\"https://orderflow.example.test/tasks/open?process=42&amp;order=7\"",
                "Open the task in Tasklist", "href=\"https://orderflow.example.test/orders/7\"",
                ">Proposal<", ">Won<", "2 × ERP (ERP licence) @ 1,200.00");
        assertThat(zh.html()).contains("在 Tasklist 中打开任务", "在门户中查看订单", ">方案报价<", ">赢单<");
        assertThat(renderer.render("modification-applied", Locale.ENGLISH, model).html())
                .as("an email that asks nothing shows no task button").doesNotContain("Open the task");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            settlement-needed    | [orderflow] Invoices to settle: total of SO-2026-000123 changed | [orderflow] 待结算：订单 SO-2026-000123 总金额已变更 | Completing the task unchanged issues the proposal. | 不作修改直接提交即按建议处理。
            settlement-reminder  | [orderflow] Reminder: invoices of SO-2026-000123 await settlement | [orderflow] 提醒：订单 SO-2026-000123 的发票待结算 | still await settlement | 仍在等待结算
            settlement-escalated | [orderflow] Escalated: invoices of SO-2026-000123 not settled in time | [orderflow] 已升级：订单 SO-2026-000123 的发票结算超时 | escalated to you | 已升级给您处理
            """)
    void settlementEmailsShowTheFiguresAndTheProposal(String template, String enSubject, String zhSubject,
            String enText, String zhText) {
        var en = renderer.render(template, Locale.ENGLISH, settlementModel());
        var zh = renderer.render(template, ZH_CN, settlementModel());

        assertThat(en.subject()).isEqualTo(enSubject);
        assertThat(zh.subject()).isEqualTo(zhSubject);
        assertThat(en.html()).contains(enText, "Previous total", "100000.00 CNY", "New total", "125000.00 CNY",
                "Invoiced balance", "Difference", "25000.00 CNY", "Proposal",
                "补开发票 25000.00 CNY / Issue a supplementary invoice of 25000.00 CNY", "lang=\"en\"");
        assertThat(zh.html()).contains(zhText, "原总金额", "100000.00 CNY", "新总金额", "125000.00 CNY", "已开票余额",
                "差额", "25000.00 CNY", "建议处理", "补开发票 25000.00 CNY / Issue a supplementary invoice of 25000.00 CNY",
                "lang=\"zh-CN\"");
    }

    @Test
    void invoicesSettledListsEveryDocumentIssued() {
        var en = renderer.render("invoices-settled", Locale.ENGLISH, settlementModel());
        var zh = renderer.render("invoices-settled", ZH_CN, settlementModel());

        assertThat(en.subject()).isEqualTo("[orderflow] Invoices of SO-2026-000123 settled");
        assertThat(zh.subject()).isEqualTo("[orderflow] 订单 SO-2026-000123 的发票已结算");
        assertThat(en.html()).contains("settled by finance1", "Documents issued", "INV-2027-000042", "Voided invoice",
                "INV-2027-000043", ">Invoice<", "125000.00 CNY", "CN-2027-000007", "Credit note", "1200.00 CNY",
                "Invoiced balance", "100000.00 CNY").doesNotContain("No documents");
        assertThat(zh.html()).contains("已由 finance1 结算", "已开具单据", "作废发票", ">发票<", "红字发票（贷项通知单）",
                "CN-2027-000007", "1200.00 CNY", "结算人");
    }

    @Test
    void invoicesSettledWithoutDocumentsSaysNoneWereIssued() {
        Map<String, Object> model = settlementModel();
        model.put("documents", List.of());

        assertThat(renderer.render("invoices-settled", Locale.ENGLISH, model).html())
                .contains("No documents were issued for this settlement.").doesNotContain("Documents issued");
        assertThat(renderer.render("invoices-settled", ZH_CN, model).html()).contains("本次结算未开具任何单据。");
    }

    @Test
    void deliveriesChangedListsEveryScheduledDifferenceWithItsSign() {
        Map<String, Object> model = new HashMap<>();
        model.put("orderNumber", "SO-2026-000123");
        model.put("revision", 4);
        model.put("changes", List.of(
                Map.of("kind", "DELIVERY", "sku", "SKU-100", "quantity", 2, "scheduledDate", "2027-01-30"),
                Map.of("kind", "RETURN", "sku", "SKU-200", "quantity", -1, "scheduledDate", "2027-02-15")));

        var en = renderer.render("deliveries-changed", Locale.ENGLISH, model);
        var zh = renderer.render("deliveries-changed", ZH_CN, model);

        assertThat(en.subject()).isEqualTo("[orderflow] Deliveries of SO-2026-000123 changed");
        assertThat(zh.subject()).isEqualTo("[orderflow] 订单 SO-2026-000123 的交付安排已变更");
        assertThat(en.html()).contains("now revision 4", "Quantity change", ">Delivery<", "SKU-100", ">+2<",
                "2027-01-30", ">Return<", "SKU-200", ">-1<", "2027-02-15");
        assertThat(zh.html()).contains("当前为第 4 版", "数量变化", ">发货<", ">退货<", ">+2<", ">-1<", "计划日期");
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
