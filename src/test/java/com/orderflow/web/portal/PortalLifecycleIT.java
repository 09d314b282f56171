package com.orderflow.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

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

    private JsonNode order(String customer) {
        return Fixtures.order(as("sales1"), Fixtures.customer(as("sales1"), customer));
    }

    private int running(String processKey, String orderNumber) {
        return as("admin").get("/engine-rest/process-instance?processDefinitionKey=" + processKey
                + "&businessKey=" + orderNumber).json().size();
    }
}
