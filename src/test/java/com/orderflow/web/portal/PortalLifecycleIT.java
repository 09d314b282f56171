package com.orderflow.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.orderflow.order.OrderLifecycle;
import com.orderflow.support.ApiClient;
import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/** Closing, reopening, restoring and who may do it, through the portal's confirmation pages over HTTP. */
class PortalLifecycleIT extends IntegrationTest {

    @Autowired
    OrderLifecycle lifecycle;

    @Test
    void closingAnUndeliveredOrderStartsTheClosingAndGivesTheOwnerATask() {
        JsonNode created = order("Portal Close Co");
        long orderId = created.get("id").asLong();
        String number = created.get("orderNumber").asText();
        PortalSession sales1 = new PortalSession(port, "en").signIn("sales1");

        String orderPage = sales1.get("/orders/" + orderId).body();
        assertThat(orderPage).contains("id=\"close-order\"").contains("id=\"cancel-order\"")
                .doesNotContain("id=\"reopen-order\"");
        PortalSession.Page confirm = sales1.get("/orders/" + orderId + "/close");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("Close order " + number + "?").contains("id=\"confirm-close\"")
                .contains("name=\"_csrf\"");

        PortalSession.Page closed = sales1.post("/orders/" + orderId + "/close",
                PortalSession.form("_csrf", sales1.csrfFrom("/orders/" + orderId + "/close")));
        assertThat(closed.status()).isEqualTo(302);
        assertThat(closed.location()).endsWith("/orders/" + orderId);
        String after = sales1.get("/orders/" + orderId).body();
        assertThat(after).contains("id=\"closing-started\"").contains("Closing of " + number + " has started");
        assertThat(sales1.get("/orders/" + orderId).body()).doesNotContain("id=\"closing-started\"");

        assertThat(as("sales1").get("/api/orders/" + orderId).json().get("status").asText()).isEqualTo("OPEN");
        JsonNode tasks = as("sales1").get("/engine-rest/task?processDefinitionKey=order-closing"
                + "&processInstanceBusinessKey=" + number).json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("fix-before-closing");
        assertThat(tasks.get(0).get("assignee").asText()).isEqualTo("sales1");

        // A second close while the first waits for its fix is refused on the confirmation page, not with a trace.
        PortalSession.Page again = sales1.post("/orders/" + orderId + "/close",
                PortalSession.form("_csrf", sales1.csrfFrom("/orders/" + orderId + "/close")));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"global-errors\"").contains("already under way")
                .doesNotContain("Exception");
    }

    @Test
    void reopeningNeedsAReasonShownInChineseThenStartsTheReopening() {
        JsonNode created = order("Portal Reopen Co");
        long orderId = created.get("id").asLong();
        String number = created.get("orderNumber").asText();
        lifecycle.close(orderId, "sales1");
        PortalSession sales1 = new PortalSession(port, "en").signIn("sales1");

        String orderPage = sales1.get("/orders/" + orderId + "?lang=zh-CN").body();
        assertThat(orderPage).contains("id=\"reopen-order\"").contains("撤销结单")
                .doesNotContain("id=\"close-order\"").doesNotContain("id=\"cancel-order\"");
        PortalSession.Page confirm = sales1.get("/orders/" + orderId + "/reopen");
        assertThat(confirm.body()).contains("确定撤销已结单订单 " + number + " 的结单吗？");

        String csrf = sales1.csrfFrom("/orders/" + orderId + "/reopen");
        PortalSession.Page empty = sales1.post("/orders/" + orderId + "/reopen",
                PortalSession.form("_csrf", csrf, "reason", "   "));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("id=\"reason-error\"").contains("必填。").doesNotContain("Required.");
        assertThat(running("order-reopening", number)).isZero();

        PortalSession.Page reopened = sales1.post("/orders/" + orderId + "/reopen",
                PortalSession.form("_csrf", csrf, "reason", "发票地址有误 / invoice address was wrong"));
        assertThat(reopened.status()).isEqualTo(302);
        assertThat(reopened.location()).endsWith("/orders/" + orderId);
        assertThat(sales1.get("/orders/" + orderId).body()).contains("id=\"reopen-requested\"")
                .contains("已申请撤销订单 " + number + " 的结单");
        assertThat(running("order-reopening", number)).isEqualTo(1);
        assertThat(as("sales1").get("/api/orders/" + orderId).json().get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void restoringRevisionOneFilesARestoreRequest() {
        JsonNode created = order("Portal Restore Co");
        long orderId = created.get("id").asLong();
        ApiClient api = as("sales1");
        var current = api.get("/api/orders/" + orderId);
        var patch = api.patch("/api/orders/" + orderId, current.header("ETag"), Map.of("salesStage", "NEGOTIATION"));
        assertThat(patch.status()).as(patch.text()).isEqualTo(200);

        PortalSession sales1 = new PortalSession(port, "en").signIn("sales1");
        String orderPage = sales1.get("/orders/" + orderId).body();
        assertThat(orderPage).contains("id=\"restore-1\"").doesNotContain("id=\"restore-2\"");
        assertThat(sales1.get("/orders/" + orderId + "/revisions/2/restore").status()).isEqualTo(404);

        String path = "/orders/" + orderId + "/revisions/1/restore";
        PortalSession.Page confirm = sales1.get(path);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("to revision 1?").contains("id=\"description\"");
        String csrf = sales1.csrfFrom(path);
        PortalSession.Page tooLong = sales1.post(path, PortalSession.form("_csrf", csrf, "description", "x".repeat(1901)));
        assertThat(tooLong.body()).contains("id=\"description-error\"").contains("At most 1,900 characters.");
        assertThat(api.get("/api/orders/" + orderId + "/modification-requests").json()).isEmpty();

        PortalSession.Page restored = sales1.post(path, PortalSession.form("_csrf", csrf,
                "description", "Back to the signed order"));
        assertThat(restored.status()).isEqualTo(302);
        assertThat(sales1.get("/orders/" + orderId).body()).contains("id=\"restore-requested\"")
                .contains("to restore revision 1 was filed");
        JsonNode requests = api.get("/api/orders/" + orderId + "/modification-requests").json();
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("reason").asText()).isEqualTo("RESTORE");
        assertThat(requests.get(0).get("description").asText()).contains("Back to the signed order");
    }

    @Test
    void cancellingThroughTheConfirmationKeepsTheOrderWithoutItsButtons() {
        JsonNode created = order("Portal Cancel Co");
        long orderId = created.get("id").asLong();
        PortalSession sales1 = new PortalSession(port, "en").signIn("sales1");
        assertThat(sales1.get("/orders/" + orderId + "/cancel").body()).contains("id=\"confirm-cancel\"");

        PortalSession.Page cancelled = sales1.post("/orders/" + orderId + "/cancel",
                PortalSession.form("_csrf", sales1.csrfFrom("/orders/" + orderId + "/cancel")));
        assertThat(cancelled.status()).isEqualTo(302);
        String page = sales1.get("/orders/" + orderId).body();
        assertThat(page).contains("id=\"cancelled\"").contains(created.get("orderNumber").asText() + " was cancelled")
                .doesNotContain("id=\"close-order\"").doesNotContain("id=\"cancel-order\"")
                .doesNotContain("id=\"reopen-order\"").doesNotContain("id=\"restore-1\"");
        assertThat(as("sales1").get("/api/orders/" + orderId).json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(sales1.get("/orders/" + orderId + "/close").status()).isEqualTo(403);
    }

    @Test
    void aRepCannotCloseAnotherRepsOrder() {
        long orderId = order("Portal Not Yours Co").get("id").asLong();
        PortalSession sales2 = new PortalSession(port, "en").signIn("sales2");

        PortalSession.Page confirm = sales2.get("/orders/" + orderId + "/close");
        assertThat(confirm.status()).isEqualTo(404);
        assertThat(confirm.body()).contains("id=\"error\"").doesNotContain("Exception");

        PortalSession.Page post = sales2.post("/orders/" + orderId + "/close",
                PortalSession.form("_csrf", sales2.csrfFrom("/")));
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.body()).contains("id=\"error\"").doesNotContain("at com.orderflow");
        assertThat(as("sales1").get("/api/orders/" + orderId).json().get("status").asText()).isEqualTo("OPEN");
        assertThat(running("order-closing", as("sales1").get("/api/orders/" + orderId).json()
                .get("orderNumber").asText())).isZero();
    }

    @Test
    void theOrderPageListsInvoicesCreditNotesAVoidAndAReturnWithItsGoods() {
        long orderId = order("Portal Money Co").get("id").asLong();
        ApiClient finance1 = as("finance1");
        JsonNode invoice = issue(finance1, orderId, "3000.00", "Advance");
        var credited = finance1.post("/api/invoices/" + invoice.get("id").asLong() + "/credit-notes",
                Map.of("amount", "500.00", "reason", "Goodwill discount"));
        assertThat(credited.status()).as(credited.text()).isEqualTo(201);
        String creditNote = credited.json().get("number").asText();
        JsonNode wrong = issue(finance1, orderId, "100.00", "Typo");
        var voided = finance1.post("/api/invoices/" + wrong.get("id").asLong() + "/void",
                Map.of("reason", "Issued to the wrong customer"));
        assertThat(voided.status()).as(voided.text()).isLessThan(300);

        // Both pumps delivered, then the order goes down to one: one comes back.
        ApiClient sales1 = as("sales1");
        long deliveryId = sales1.get("/api/orders/" + orderId + "/deliveries").json().get(0).get("id").asLong();
        var delivered = sales1.post("/api/orders/" + orderId + "/deliveries/" + deliveryId + "/delivered", Map.of());
        assertThat(delivered.status()).as(delivered.text()).isLessThan(300);
        var read = sales1.get("/api/orders/" + orderId);
        var patched = sales1.patch("/api/orders/" + orderId, read.header("ETag"), Map.of("lines", List.of(
                Map.of("sku", "PUMP-7", "description", "Industrial pump", "quantity", 1, "unitPrice", "1500.00"))));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);

        String page = new PortalSession(port, "en").signIn("sales1").get("/orders/" + orderId).body();
        String invoiceRow = row(page, "invoice-" + invoice.get("number").asText());
        assertThat(invoiceRow).contains("€3,000.00").contains("€500.00").contains("€2,500.00");
        assertThat(row(page, "invoice-" + wrong.get("number").asText())).contains("Void")
                .contains("Issued to the wrong customer").contains("finance1");
        assertThat(row(page, "credit-note-" + creditNote)).contains(invoice.get("number").asText())
                .contains("€500.00").contains("Goodwill discount");
        assertThat(page).contains("id=\"invoiced-balance\">€2,500.00<");
        assertThat(page).contains("id=\"settlement\"").contains("Open, waiting for finance")
                .contains("id=\"settlement-difference\">-1,000.00 EUR<");
        String delivery = row(page, "delivery-" + deliveryId);
        assertThat(delivery).contains("Delivery").contains("Delivered").contains("2 × PUMP-7");
        assertThat(page).contains("class=\"d-RETURN\"");
        String ret = page.substring(page.indexOf("class=\"d-RETURN\""));
        assertThat(ret.substring(0, ret.indexOf("</tr>"))).contains("Return").contains("Scheduled")
                .contains("1 × PUMP-7");

        String chinese = new PortalSession(port, "zh-CN").signIn("sales1").get("/orders/" + orderId).body();
        assertThat(chinese).contains("已开票余额").contains("红字发票").contains("退货").contains("已作废");
    }

    @Test
    void thePreviewOfANewSkuOnAClosedInvoicedOrderSaysWhatFinanceSettlesAndWhatIsDelivered() {
        ApiClient sales1 = as("sales1");
        long customerId = Fixtures.customer(sales1, "Portal Preview Co");
        var created = sales1.post("/api/orders", Map.of("customerId", customerId, "currency", "CNY",
                "lines", List.of(Map.of("sku", "ERP", "description", "ERP licence", "quantity", 1,
                        "unitPrice", "100000.00")),
                "contract", Map.of("paymentTermsDays", 30, "deliveryDate", "2027-01-30", "warrantyMonths", 12,
                        "clauses", "Standard terms")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long orderId = created.json().get("id").asLong();
        issue(as("finance1"), orderId, "100000.00", "Licence");
        lifecycle.close(orderId, "sales1");
        JsonNode order = sales1.get("/api/orders/" + orderId).json();

        PortalSession portal = new PortalSession(port, "en").signIn("sales1");
        Map<String, String> form = PortalRequests.form(order, portal.csrfFrom("/orders/" + orderId + "/modify"),
                "lines[1].sku", "MOBILE", "lines[1].description", "Mobile app", "lines[1].quantity", "1",
                "lines[1].unitPrice", "25000.00", "action", "preview");
        PortalSession.Page preview = portal.post("/orders/" + orderId + "/modify", form);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"consequences\"")
                .contains("Finance will settle +25,000.00 CNY")
                .contains("1 × MOBILE will be scheduled for delivery on 2027-01-30");

        PortalSession zh = new PortalSession(port, "zh-CN").signIn("sales1");
        Map<String, String> zhForm = new HashMap<>(form);
        zhForm.put("_csrf", zh.csrfFrom("/orders/" + orderId + "/modify"));
        assertThat(zh.post("/orders/" + orderId + "/modify", zhForm).body()).contains("财务将结算 +25,000.00 CNY")
                .contains("1 × MOBILE 将排期于 2027-01-30 发货");
    }

    @Test
    void aRejectedRequestIsRevisedAndResubmittedInThePortalAndAnotherIsWithdrawn() {
        long orderId = order("Portal Revise Co").get("id").asLong();
        long requestId = PortalRequests.rejected(as("sales1"), as("finance1"), orderId, 30, "30 % is too much");
        PortalSession sales1 = new PortalSession(port, "en").signIn("sales1");

        String page = sales1.get("/orders/" + orderId).body();
        assertThat(page).contains("id=\"request-" + requestId + "-waiting\"").contains("The approvers rejected")
                .contains("30 % is too much").contains("id=\"revise-" + requestId + "\"");
        String revisePath = "/orders/" + orderId + "/requests/" + requestId + "/revise";
        PortalSession.Page revise = sales1.get(revisePath);
        assertThat(revise.status()).isEqualTo(200);
        assertThat(revise.body()).contains("Revise request " + requestId).contains("30 % is too much")
                .contains("id=\"discountPercent\"").containsPattern("id=\"discountPercent\"[^>]*value=\"30.00\"");

        JsonNode order = as("sales1").get("/api/orders/" + orderId).json();
        Map<String, String> form = PortalRequests.form(order, sales1.csrfFrom(revisePath), "discountPercent", "18",
                "description", "Customer accepts 18 %", "action", "preview");
        PortalSession.Page preview = sales1.post(revisePath, form);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"required-approvals\"").contains("Resubmit request");
        form.put("action", "submit");
        PortalSession.Page resubmitted = sales1.post(revisePath, form);
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(302);
        assertThat(resubmitted.location()).endsWith("/orders/" + orderId);
        assertThat(sales1.get("/orders/" + orderId).body()).contains("id=\"resubmitted\"");
        PortalRequests.awaitStatus(as("sales1"), requestId, "IN_APPROVAL");
        JsonNode request = as("sales1").get("/api/modification-requests/" + requestId).json();
        assertThat(request.get("round").asInt()).isEqualTo(2);
        assertThat(request.get("description").asText()).isEqualTo("Customer accepts 18 %");
        assertThat(sales1.get("/orders/" + orderId).body()).doesNotContain("id=\"revise-" + requestId + "\"");

        long otherOrder = order("Portal Withdraw Co").get("id").asLong();
        long other = PortalRequests.rejected(as("sales1"), as("finance1"), otherOrder, 35, "No way");
        String withdrawPath = "/orders/" + otherOrder + "/requests/" + other + "/withdraw";
        PortalSession.Page withdrawn = sales1.post(withdrawPath, PortalSession.form("_csrf",
                sales1.csrfFrom(withdrawPath)));
        assertThat(withdrawn.status()).isEqualTo(302);
        PortalRequests.awaitStatus(as("sales1"), other, "WITHDRAWN");
        assertThat(sales1.get("/orders/" + otherOrder).body()).doesNotContain("id=\"revise-" + other + "\"");
    }

    private JsonNode order(String customer) {
        return Fixtures.order(as("sales1"), Fixtures.customer(as("sales1"), customer));
    }

    private static JsonNode issue(ApiClient finance, long orderId, String amount, String reason) {
        var issued = finance.post("/api/orders/" + orderId + "/invoices", Map.of("amount", amount, "reason", reason));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        return issued.json();
    }

    /** The table row with {@code id}, up to its end. */
    private static String row(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("row " + id).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private int running(String processKey, String orderNumber) {
        return as("admin").get("/engine-rest/process-instance?processDefinitionKey=" + processKey
                + "&businessKey=" + orderNumber).json().size();
    }
}
