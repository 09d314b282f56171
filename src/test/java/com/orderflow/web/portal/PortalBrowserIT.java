package com.orderflow.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/**
 * The whole portal flow in a real browser: a rep files a request on a closed order from the form,
 * approvers sign in through Camunda Tasklist's own login and approve there, and the open order page
 * shows the applied change by itself (Server-Sent Events), in English and in Chinese.
 *
 * <p>Approvers click through Tasklist itself: the task in the list, "Claim", the {@code approved}
 * checkbox and {@code comment} of the Camunda Form, "Complete".
 */
class PortalBrowserIT extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    OrderLifecycle lifecycle;

    @BeforeAll
    static void browserPresent() {
        Browsers.requireBrowser();
    }

    @Test
    void aRepRequestsAChangeOnAClosedOrderAndSeesItAppliedLive() {
        JsonNode order = closedOrder("Browser Test Co");
        String number = order.get("orderNumber").asText();
        WebDriver rep = Browsers.open("en-US,en");
        WebDriver approvers = Browsers.open("en-US,en");
        try {
            rep.get(url("/login?lang=en"));
            waitFor(rep, By.id("username"));
            Browsers.guideScreenshot(rep, "login-en");
            signIn(rep, "sales1");
            assertThat(rep.findElement(By.tagName("h1")).getText()).isEqualTo("My orders");

            WebElement search = rep.findElement(By.id("q"));
            search.sendKeys(number, Keys.ENTER);
            waitFor(rep, By.linkText(number));
            new Select(rep.findElement(By.id("status"))).selectByValue("CLOSED");
            rep.findElement(By.cssSelector("form.filters button")).click();
            waitFor(rep, By.linkText(number));
            Browsers.guideScreenshot(rep, "orders-en");
            rep.findElement(By.linkText(number)).click();
            waitFor(rep, By.id("order-status"));
            assertThat(rep.findElement(By.id("order-status")).getText()).isEqualTo("Closed");
            assertThat(rep.findElement(By.id("order-total")).getText()).isEqualTo("€3,000.00");

            rep.findElement(By.id("request-modification")).click();
            WebElement terms = waitFor(rep, By.id("paymentTermsDays"));
            assertThat(terms.getAttribute("value")).isEqualTo("30");
            terms.clear();
            terms.sendKeys("45");
            rep.findElement(By.id("preview-button")).click();
            assertThat(waitFor(rep, By.id("reason-error")).getText()).isEqualTo("Required.");
            new Select(rep.findElement(By.id("reason"))).selectByValue("CUSTOMER_REQUIREMENT");
            rep.findElement(By.id("description")).sendKeys("Customer pays in 45 days from now on");
            rep.findElement(By.id("preview-button")).click();
            String approvals = waitFor(rep, By.id("required-approvals")).getText();
            assertThat(approvals).contains("Sales managers", "Legal").doesNotContain("Finance");
            Browsers.guideScreenshot(rep, "modify-preview-en");
            rep.findElement(By.id("submit-button")).click();
            waitFor(rep, By.id("submitted"));
            // Filed as "Submitted"; the page follows live as the process decides the approvers.
            new WebDriverWait(rep, WAIT).until(d -> "In approval".equals(requestStatus(d)));
            Browsers.guideScreenshot(rep, "order-in-approval-en");
            markPage(rep);

            approveInTasklist(approvers, "manager1", number, "tasklist-manager1");
            approveInTasklist(approvers, "legal1", number, "tasklist-legal1");

            new WebDriverWait(rep, WAIT).until(d -> "Applied".equals(requestStatus(d)));
            new WebDriverWait(rep, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(ExpectedConditions.textToBe(By.id("contract-payment-terms"), "45 days"));
            assertThat(pageWasNotReloaded(rep)).as("the page updated in place, without a reload").isTrue();
            assertThat(rep.findElement(By.id("submitted")).getText()).as("the notice outlives the live updates")
                    .contains("was filed");
            assertThat(rep.findElement(By.cssSelector(".trail")).getText()).contains("manager1", "legal1", "Approved");
            Browsers.guideScreenshot(rep, "order-applied-en");
        } finally {
            rep.quit();
            approvers.quit();
        }
    }

    @Test
    void theSameFlowInChineseShowsChineseLabels() {
        JsonNode order = closedOrder("Browser Zh Co");
        String number = order.get("orderNumber").asText();
        WebDriver rep = Browsers.open("zh-CN,zh");
        WebDriver approvers = Browsers.open("zh-CN,zh");
        try {
            rep.get(url("/login"));
            assertThat(waitFor(rep, By.tagName("h1")).getText()).isEqualTo("登录");
            Browsers.guideScreenshot(rep, "login-zh");
            signIn(rep, "sales1");
            assertThat(rep.findElement(By.tagName("h1")).getText()).isEqualTo("我的订单");
            Browsers.guideScreenshot(rep, "orders-zh");
            rep.get(url("/orders/" + order.get("id").asText()));
            assertThat(waitFor(rep, By.id("order-status")).getText()).isEqualTo("已结单");
            assertThat(rep.findElement(By.id("order-total")).getText()).contains("3,000.00").contains("€");

            rep.findElement(By.id("request-modification")).click();
            WebElement phone = waitFor(rep, By.id("phone"));
            phone.clear();
            phone.sendKeys("+86 21 5555 0123");
            new Select(rep.findElement(By.id("reason"))).selectByValue("CORRECTION");
            rep.findElement(By.id("description")).sendKeys("电话号码更正");
            rep.findElement(By.id("preview-button")).click();
            String approvals = waitFor(rep, By.id("required-approvals")).getText();
            assertThat(approvals).contains("此申请需要的审批", "销售经理").doesNotContain("法务");
            Browsers.guideScreenshot(rep, "modify-preview-zh");
            rep.findElement(By.id("submit-button")).click();
            waitFor(rep, By.id("submitted"));
            new WebDriverWait(rep, WAIT).until(d -> "审批中".equals(requestStatus(d)));
            markPage(rep);

            approveInTasklist(approvers, "manager1", number, "tasklist-manager1-zh");

            new WebDriverWait(rep, WAIT).until(d -> "已生效".equals(requestStatus(d)));
            new WebDriverWait(rep, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(ExpectedConditions.textToBe(By.id("customer-phone"), "+86 21 5555 0123"));
            assertThat(pageWasNotReloaded(rep)).isTrue();
            assertThat(rep.findElement(By.id("submitted")).getText()).contains("已提交");
            assertThat(rep.findElement(By.cssSelector(".trail")).getText()).contains("批准", "manager1");
            assertThat(rep.findElement(By.id("revisions")).getText()).contains("结单修改（更正错误）");
            Browsers.guideScreenshot(rep, "order-applied-zh");
        } finally {
            rep.quit();
            approvers.quit();
        }
    }

    @Test
    void aRepReadsTheRejectionAndRevisesTheRequestInThePortal() {
        JsonNode order = Fixtures.order(as("sales1"), Fixtures.customer(as("sales1"), "Browser Revise Co"));
        long orderId = order.get("id").asLong();
        long requestId = PortalRequests.rejected(as("sales1"), as("finance1"), orderId, 30, "30 % is too much");
        WebDriver rep = Browsers.open("en-US,en");
        try {
            rep.get(url("/login?lang=en"));
            signIn(rep, "sales1");
            rep.get(url("/orders/" + orderId));
            WebElement waiting = waitFor(rep, By.id("request-" + requestId + "-waiting"));
            assertThat(waiting.getText()).contains("The approvers rejected", "30 % is too much", "finance1");
            Browsers.guideScreenshot(rep, "request-rejected-en");

            rep.findElement(By.id("revise-" + requestId)).click();
            WebElement discount = waitFor(rep, By.id("discountPercent"));
            assertThat(discount.getAttribute("value")).isEqualTo("30.00");
            assertThat(rep.findElement(By.id("request-" + requestId + "-comments")).getText())
                    .contains("30 % is too much");
            discount.clear();
            discount.sendKeys("18");
            WebElement description = rep.findElement(By.id("description"));
            description.clear();
            description.sendKeys("Customer accepts 18 %");
            rep.findElement(By.id("preview-button")).click();
            assertThat(waitFor(rep, By.id("required-approvals")).getText()).contains("Finance");
            Browsers.guideScreenshot(rep, "revise-preview-en");
            rep.findElement(By.id("submit-button")).click();
            waitFor(rep, By.id("resubmitted"));
            new WebDriverWait(rep, WAIT).until(d -> "In approval".equals(requestStatus(d)));
            assertThat(rep.findElements(By.id("revise-" + requestId))).isEmpty();
            Browsers.guideScreenshot(rep, "request-resubmitted-en");
        } finally {
            rep.quit();
        }
    }

    // --- helpers ---

    private JsonNode closedOrder(String customer) {
        JsonNode order = Fixtures.order(as("sales1"), Fixtures.customer(as("sales1"), customer));
        lifecycle.close(order.get("id").asLong(), "sales1");
        return order;
    }

    private void signIn(WebDriver browser, String user) {
        waitFor(browser, By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("sign-in")).click();
        waitFor(browser, By.id("task-count"));
    }

    /**
     * Signs in on Tasklist's own login page, opens the approver's task, claims it, ticks "approve" in the
     * Camunda Form, writes a comment and completes it: the clicks an approver makes.
     */
    private void approveInTasklist(WebDriver browser, String user, String orderNumber, String screenshot) {
        browser.manage().deleteAllCookies();
        browser.get(url("/camunda/app/tasklist/"));
        WebElement name = waitFor(browser, By.cssSelector("input[ng-model='username']"));
        name.sendKeys(user);
        WebElement password = browser.findElement(By.cssSelector("input[ng-model='password']"));
        password.sendKeys(user, Keys.ENTER);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
        try {
            // Tasklist's list names the task with the order number ("Approve modification SO-… (group)").
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector(".tasks-list li"))
                    .stream().anyMatch(li -> li.getText().contains(orderNumber)));
        } catch (org.openqa.selenium.TimeoutException e) {
            System.out.println("Tasklist did not list the task of " + orderNumber + " for " + user + " within 20 s");
        }
        Browsers.guideScreenshot(browser, screenshot);
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElements(By.cssSelector(".tasks-list li")).stream().filter(li -> li.getText().contains(orderNumber))
                    .findFirst().ifPresent(li -> li.findElement(By.cssSelector("a")).click());
            return d.findElements(By.cssSelector("[ng-click='claim()']")).stream().anyMatch(WebElement::isDisplayed);
        });
        browser.findElements(By.cssSelector("[ng-click='claim()']")).stream().filter(WebElement::isDisplayed)
                .findFirst().orElseThrow().click();
        WebElement approve = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".fjs-container input[type='checkbox']")));
        press(browser, approve);
        browser.findElements(By.cssSelector(".fjs-container textarea")).stream().filter(WebElement::isEnabled)
                .reduce((first, last) -> last)
                .ifPresent(comment -> centre(browser, comment).sendKeys("Approved in Tasklist by " + user));
        Browsers.guideScreenshot(browser, screenshot + "-form");
        wait.until(d -> d.findElements(By.cssSelector("[ng-click='complete()']")).stream()
                .filter(b -> b.isDisplayed() && b.isEnabled()).findFirst().map(b -> {
                    press(browser, b);
                    return true;
                }).orElse(false));
        wait.until(d -> d.findElements(By.cssSelector(".tasks-list li")).stream()
                .noneMatch(li -> li.getText().contains(orderNumber)));
    }

    /**
     * Clicks like a user; while Tasklist still lays the form out (or its footer covers the bottom) the
     * browser may report another element at that point, and the click is dispatched to the element itself.
     */
    private static void press(WebDriver browser, WebElement element) {
        try {
            centre(browser, element).click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
        }
    }

    /** Tasklist's footer covers the bottom of the form: bring an element to the middle before using it. */
    private static WebElement centre(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    /** The status shown now; null while the live update swaps the page content in. */
    private static String requestStatus(WebDriver browser) {
        try {
            List<WebElement> statuses = browser.findElements(By.cssSelector("[data-request-status]"));
            return statuses.isEmpty() ? null : statuses.get(0).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException swappedMeanwhile) {
            return null;
        }
    }

    private static void markPage(WebDriver browser) {
        ((JavascriptExecutor) browser).executeScript("window.__orderflowMarker = 'same page';");
    }

    private static boolean pageWasNotReloaded(WebDriver browser) {
        return "same page".equals(((JavascriptExecutor) browser).executeScript("return window.__orderflowMarker;"));
    }

    private static WebElement waitFor(WebDriver browser, By locator) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
