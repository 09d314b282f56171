package com.orderflow.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Await;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/**
 * An approver opens their task in Camunda Tasklist, as the email's link leads there, and reads the
 * change summary of the Camunda Form as text in both languages: labels, before → after, the order lines
 * as "quantity × SKU @ price", no JSON. Its screenshot is the README's picture of an approval.
 */
class TasklistSummaryBrowserIT extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void browserPresent() {
        Browsers.requireBrowser();
    }

    @Test
    void theApproverReadsTheChangesAsTextInTasklist() {
        ApiClient sales1 = as("sales1");
        JsonNode order = Fixtures.order(sales1, Fixtures.customer(sales1, "Tasklist Summary Co"));
        long orderId = order.get("id").asLong();
        var filed = sales1.post("/api/orders/" + orderId + "/modification-requests", Map.of("reason",
                "CONTRACT_CHANGE", "description", "New contact and longer terms", "changes", Map.of(
                        "contract.paymentTermsDays", 60, "customer.email", "zhao.lei@tasklist-summary.test",
                        "lines", List.of(Map.of("sku", "PUMP-7", "description", "Industrial pump", "quantity", 3,
                                "unitPrice", "1500.00")))));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String instance = filed.json().get("processInstanceId").asText();
        String query = "/engine-rest/task?processInstanceId=" + instance + "&candidateGroup=legal";
        Await.until("legal's approval task", () -> as("admin").get(query).json().size() == 1);
        String taskId = as("admin").get(query).json().get(0).get("id").asText();

        WebDriver browser = Browsers.open("zh-CN,zh,en");
        try {
            browser.get(url("/camunda/app/tasklist/"));
            WebElement name = waitFor(browser, By.cssSelector("input[ng-model='username']"));
            name.sendKeys("legal1");
            browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("legal1", Keys.ENTER);
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
                    By.cssSelector("input[ng-model='username']")));
            browser.get(url("/camunda/app/tasklist/default/#/?task=" + taskId));

            String summary = new WebDriverWait(browser, WAIT)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElements(By.cssSelector(".fjs-container textarea")).stream()
                            .map(t -> t.getAttribute("value")).filter(v -> v != null && v.contains("→"))
                            .findFirst().orElse(null));
            assertThat(summary).contains(
                    "付款期限（天）/ Payment terms (days): 30 → 60",
                    "客户邮箱 / Customer email: buyer@tasklistsummaryco.test → zhao.lei@tasklist-summary.test",
                    "订单明细（EUR）/ Order lines (EUR):",
                    "2 × PUMP-7 (Industrial pump) @ 1,500.00",
                    "3 × PUMP-7 (Industrial pump) @ 1,500.00")
                    .doesNotContain("\"", "[", "{", "sku");
            // The summary in the middle of the picture, as the approver scrolls to it.
            browser.findElements(By.cssSelector(".fjs-container textarea")).stream()
                    .filter(t -> String.valueOf(t.getAttribute("value")).contains("→")).findFirst()
                    .ifPresent(t -> ((JavascriptExecutor) browser).executeScript(
                            "arguments[0].scrollIntoView({block: 'center'});", t));
            Browsers.screenshot(browser, "tasklist-approval");
        } finally {
            browser.quit();
        }
    }

    private static WebElement waitFor(WebDriver browser, By locator) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
