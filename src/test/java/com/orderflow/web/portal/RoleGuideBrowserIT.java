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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.settlement.MoneySteps;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/**
 * The role guides' walks in the Camunda webapps (docs/guide): an approver rejects with a reason in Tasklist,
 * finance opens a settle-invoices task there, an administrator opens Cockpit and the users in Admin. Each
 * step a guide names is a step here, and the screenshots the guides show are taken here.
 */
class RoleGuideBrowserIT extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void browserPresent() {
        Browsers.requireBrowser();
    }

    @Test
    void anApproverRejectsWithAReasonInTasklist() {
        long orderId = Fixtures.order(as("sales1"), Fixtures.customer(as("sales1"), "Guide Reject Co")).get("id")
                .asLong();
        var filed = as("sales1").post("/api/orders/" + orderId + "/modification-requests", Map.of("reason",
                "CUSTOMER_REQUIREMENT", "description", "Customer asks for 25 %", "changes",
                Map.of("discountPercent", 25)));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        long requestId = filed.json().get("id").asLong();
        PortalRequests.awaitStatus(as("sales1"), requestId, "IN_APPROVAL");
        String number = as("sales1").get("/api/orders/" + orderId).json().get("orderNumber").asText();
        WebDriver browser = Browsers.open("en-US,en");
        try {
            signIn(browser, "/camunda/app/tasklist/", "finance1");
            openTask(browser, number);
            Browsers.guideScreenshot(browser, "guide-approver-task-en");
            claim(browser);
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector(".fjs-container input[type='checkbox']")));
            // "approve" stays unticked; the last enabled text area is the comment (the others show the request).
            WebElement comment = browser.findElements(By.cssSelector(".fjs-container textarea")).stream()
                    .filter(WebElement::isEnabled).reduce((first, last) -> last).orElseThrow();
            centre(browser, comment).sendKeys("25 % is more than we can give");
            Browsers.guideScreenshot(browser, "guide-approver-reject-en");
            complete(browser, number);
        } finally {
            browser.quit();
        }
        PortalRequests.awaitStatus(as("sales1"), requestId, "REJECTED");
        JsonNode request = as("sales1").get("/api/modification-requests/" + requestId).json();
        assertThat(request.toString()).contains("25 % is more than we can give");
    }

    @Test
    void financeOpensTheSettlementOfAChangedInvoicedOrderInTasklist() {
        MoneySteps steps = new MoneySteps(as("sales1"), as("finance1"));
        JsonNode order = Fixtures.order(as("sales1"), Fixtures.customer(as("sales1"), "Guide Settle Co"));
        long orderId = order.get("id").asLong();
        steps.invoice(orderId, "3000.00");
        var current = as("sales1").get("/api/orders/" + orderId);
        var edit = as("sales1").patch("/api/orders/" + orderId, current.header("ETag"), Map.of("lines",
                List.of(Map.of("sku", "PUMP-7", "description", "Industrial pump", "quantity", 3, "unitPrice",
                        "1500.00"))));
        assertThat(edit.status()).as(edit.text()).isEqualTo(200);
        JsonNode settlement = steps.openSettlement(orderId);
        assertThat(settlement.get("difference").decimalValue()).isEqualByComparingTo("1500.00");
        WebDriver browser = Browsers.open("en-US,en");
        try {
            signIn(browser, "/camunda/app/tasklist/", "finance1");
            openTask(browser, order.get("orderNumber").asText());
            claim(browser);
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".fjs-container")));
            Browsers.guideScreenshot(browser, "guide-finance-settle-en");
        } finally {
            browser.quit();
        }
    }

    @Test
    void anAdministratorOpensCockpitAndTheUsersInAdmin() {
        WebDriver browser = Browsers.open("en-US,en");
        try {
            signIn(browser, "/camunda/app/cockpit/", "admin");
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".ctn-view.dashboard")));
            Browsers.guideScreenshot(browser, "guide-admin-cockpit-en");
            browser.get(url("/camunda/app/admin/default/#/users"));
            new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("body")).getText().contains("sales1"));
            Browsers.guideScreenshot(browser, "guide-admin-users-en");
        } finally {
            browser.quit();
        }
    }

    // --- the clicks in Camunda's webapps ---

    private void signIn(WebDriver browser, String app, String user) {
        browser.get(url(app));
        WebElement name = new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
        name.sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(user, Keys.ENTER);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
    }

    /** Tasklist names a task with its order number: the task in the list, then its form. */
    private static void openTask(WebDriver browser, String orderNumber) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElements(By.cssSelector(".tasks-list li")).stream().filter(li -> li.getText().contains(orderNumber))
                    .findFirst().ifPresent(li -> li.findElement(By.cssSelector("a")).click());
            return d.findElements(By.cssSelector("[ng-click='claim()']")).stream().anyMatch(WebElement::isDisplayed);
        });
    }

    private static void claim(WebDriver browser) {
        browser.findElements(By.cssSelector("[ng-click='claim()']")).stream().filter(WebElement::isDisplayed)
                .findFirst().orElseThrow().click();
    }

    /**
     * Completes the open task and waits until the list no longer shows it. A click that Tasklist dropped on
     * a busy machine (the form still rendering) is made again; one that landed leaves no button to click.
     */
    private static void complete(WebDriver browser, String orderNumber) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            boolean listed = d.findElements(By.cssSelector(".tasks-list li")).stream()
                    .anyMatch(li -> li.getText().contains(orderNumber));
            if (!listed) {
                return true;
            }
            d.findElements(By.cssSelector("[ng-click='complete()']")).stream()
                    .filter(b -> b.isDisplayed() && b.isEnabled()).findFirst()
                    .ifPresent(b -> ((JavascriptExecutor) browser).executeScript("arguments[0].click();",
                            centre(browser, b)));
            return false;
        });
    }

    /** Tasklist's footer covers the bottom of the form: bring an element to the middle before using it. */
    private static WebElement centre(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
