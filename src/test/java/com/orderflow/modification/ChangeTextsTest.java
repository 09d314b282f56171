package com.orderflow.modification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** What approvers read of a request's changes, in Tasklist (both languages) and in one language. */
class ChangeTextsTest {

    private static final Locale ZH_CN = Locale.forLanguageTag("zh-CN");

    private static final String TWO_LINES = "[{\"sku\":\"ERP\",\"description\":\"ERP licence\",\"quantity\":2,"
            + "\"unitPrice\":1200.00},{\"sku\":\"SUP-1Y\",\"description\":\"SUP-1Y\",\"quantity\":1,"
            + "\"unitPrice\":25000}]";
    private static final String ONE_LINE = "[{\"sku\":\"ERP\",\"description\":\"ERP licence\",\"quantity\":3,"
            + "\"unitPrice\":1150.5}]";

    private final ChangeTexts texts = texts();

    static ChangeTexts texts() {
        ObjectMapper json = JsonMapper.builder().findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/mail");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ChangeTexts(new ChangeSets(new FieldValues(json, null), json), messages);
    }

    @Test
    void tasklistShowsEveryLabelInBothLanguagesAndNoJson() {
        String summary = texts.bilingualSummary(List.of(
                new FieldChange("contract.paymentTermsDays", "30", "60"),
                new FieldChange("customer.email", "\"old@example.com\"", "\"new@example.com\""),
                new FieldChange("salesStage", "\"NEGOTIATION\"", "\"WON\""),
                new FieldChange("discountPercent", "5", "12.5"),
                new FieldChange("contract.deliveryDate", "\"2026-03-01\"", "\"2026-04-15\"")), "CNY");

        assertThat(summary).isEqualTo("""
                付款期限（天）/ Payment terms (days): 30 → 60
                客户邮箱 / Customer email: old@example.com → new@example.com
                销售阶段 / Sales stage: 谈判 / Negotiation → 赢单 / Won
                折扣（%）/ Discount (%): 5% → 12.5%
                交货日期 / Delivery date: 2026-03-01 → 2026-04-15""");
        assertThat(summary).doesNotContain("\"", "[", "{");
    }

    @Test
    void linesReadAsQuantityTimesSkuAtAGroupedPrice() {
        String summary = texts.bilingualSummary(List.of(new FieldChange("lines", TWO_LINES, ONE_LINE)), "CNY");

        assertThat(summary).isEqualTo("""
                订单明细（CNY）/ Order lines (CNY):
                  修改前 / Before:
                    2 × ERP (ERP licence) @ 1,200.00
                    1 × SUP-1Y @ 25,000.00
                  修改后 / After:
                    3 × ERP (ERP licence) @ 1,150.50""");
    }

    @Test
    void aClearedCustomerFieldReadsAsADashNotNull() {
        assertThat(texts.bilingualSummary(List.of(new FieldChange("customer.phone", "\"+86 10 1234 5678\"", "null"),
                new FieldChange("customer.address", "\"\"", "\"上海市浦东新区 1 号\"")), null))
                .isEqualTo("""
                        客户电话 / Customer phone: +86 10 1234 5678 → —
                        客户地址 / Customer address: — → 上海市浦东新区 1 号""");
    }

    @Test
    void inChineseEveryWordIsChinese() {
        assertThat(texts.summary(List.of(new FieldChange("salesStage", "\"PROPOSAL\"", "\"NEGOTIATION\""),
                new FieldChange("contract.warrantyMonths", "12", "24")), "CNY", ZH_CN))
                .isEqualTo("""
                        销售阶段: 方案报价 → 谈判
                        质保期（月）: 12 → 24""");
    }

    @Test
    void inEnglishEveryWordIsEnglish() {
        assertThat(texts.summary(List.of(new FieldChange("salesStage", "\"PROPOSAL\"", "\"NEGOTIATION\""),
                new FieldChange("lines", ONE_LINE, "[]")), "EUR", Locale.ENGLISH))
                .isEqualTo("""
                        Sales stage: Proposal → Negotiation
                        Order lines (EUR):
                          Before:
                            3 × ERP (ERP licence) @ 1,150.50
                          After:
                            —""");
    }

    @Test
    void longClausesKeepTheirLinesInABlock() {
        assertThat(texts.summary(List.of(new FieldChange("contract.clauses", "\"Clause 1\\nClause 2\"",
                "\"Clause 1\"")), "CNY", Locale.ENGLISH))
                .isEqualTo("""
                        Contract clauses:
                          Before:
                            Clause 1
                            Clause 2
                          After:
                            Clause 1""");
    }

    @Test
    void emailsGetReadableValuesAndTheStagesMessageCode() {
        var rows = texts.mailRows(List.of(new FieldChange("salesStage", "\"PROPOSAL\"", "\"WON\""),
                new FieldChange("lines", ONE_LINE, TWO_LINES)));

        assertThat(rows.get(0)).containsEntry("beforeCode", "stage.PROPOSAL").containsEntry("afterCode", "stage.WON");
        assertThat(rows.get(1)).containsEntry("before", "3 × ERP (ERP licence) @ 1,150.50")
                .containsEntry("after", "2 × ERP (ERP licence) @ 1,200.00\n1 × SUP-1Y @ 25,000.00")
                .doesNotContainKey("beforeCode");
    }
}
