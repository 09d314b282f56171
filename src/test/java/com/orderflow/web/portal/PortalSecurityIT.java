package com.orderflow.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.orderflow.support.Fixtures;
import com.orderflow.support.IntegrationTest;

/** The portal over plain HTTP: sign-in, who may open which order, CSRF, field errors in the user's language. */
class PortalSecurityIT extends IntegrationTest {

    @Test
    void signingInIsRequiredAndUsesThePortalsOwnPage() {
        PortalSession anonymous = new PortalSession(port, "en");
        PortalSession.Page page = anonymous.get("/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
        assertThat(anonymous.get("/login").body()).contains("Sign in").contains("name=\"_csrf\"");
        assertThat(new PortalSession(port, "zh-CN,zh;q=0.9").get("/login").body()).contains("登录", "用户名");
    }

    @Test
    void aRepGetsTheNotFoundPageOnAnotherRepsOrder() {
        long orderId = order();
        PortalSession owner = new PortalSession(port, "en").signIn("sales1");
        assertThat(owner.get("/orders/" + orderId).status()).isEqualTo(200);

        PortalSession otherRep = new PortalSession(port, "en").signIn("sales2");
        PortalSession.Page page = otherRep.get("/orders/" + orderId);
        assertThat(page.status()).as("another rep's order does not exist for them").isEqualTo(404);
        assertThat(page.body()).contains("id=\"error\"").contains("There is nothing at this address")
                .doesNotContain("Exception").doesNotContain("at com.orderflow");
        assertThat(otherRep.get("/orders/" + orderId + "/modify").status()).isEqualTo(404);
        assertThat(otherRep.get("/").body()).doesNotContain("/orders/" + orderId + "\"");

        PortalSession chinese = new PortalSession(port, "zh-CN").signIn("sales2");
        assertThat(chinese.get("/orders/" + orderId).body()).contains("此地址没有内容");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        long orderId = order();
        PortalSession sales1 = new PortalSession(port, "en").signIn("sales1");
        Map<String, String> form = PortalSession.form("discountPercent", "5", "reason", "CORRECTION",
                "description", "Forged");
        PortalSession.Page forged = sales1.post("/orders/" + orderId + "/modify", form);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("id=\"denied\"");
        assertThat(as("sales1").get("/api/orders/" + orderId + "/modification-requests").json()).isEmpty();

        Map<String, String> withToken = new java.util.HashMap<>(form);
        withToken.put("_csrf", sales1.csrfFrom("/orders/" + orderId));
        PortalSession.Page accepted = sales1.post("/orders/" + orderId + "/modify", withToken);
        assertThat(accepted.status()).isEqualTo(200);
    }

    @Test
    void fieldErrorsAreShownNextToTheFieldInTheUsersLanguage() {
        long orderId = order();
        PortalSession sales1 = new PortalSession(port, "zh-CN").signIn("sales1");
        String csrf = sales1.csrfFrom("/orders/" + orderId + "/modify");
        PortalSession.Page page = sales1.post("/orders/" + orderId + "/modify", PortalSession.form(
                "_csrf", csrf, "email", "buyer@example.com", "salesStage", "WON", "discountPercent", "abc",
                "paymentTermsDays", "400", "deliveryDate", "2027-03-31", "warrantyMonths", "12",
                "lines[0].sku", "PUMP-7", "lines[0].description", "Industrial pump", "lines[0].quantity", "2",
                "lines[0].unitPrice", "1500.00", "reason", "", "description", ""));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"discountPercent-error\"").contains("请输入数字")
                .contains("id=\"paymentTermsDays-error\"").contains("0 到 365 之间的整数")
                .contains("id=\"reason-error\"").contains("必填");
        assertThat(as("sales1").get("/api/orders/" + orderId + "/modification-requests").json()).isEmpty();
    }

    @Test
    void onlyTheRequesterSeesAndPostsTheRevisionOfARejectedRequest() {
        long orderId = order();
        long requestId = PortalRequests.rejected(as("sales1"), as("finance1"), orderId, 30, "Too generous");
        String revise = "/orders/" + orderId + "/requests/" + requestId + "/revise";
        String withdraw = "/orders/" + orderId + "/requests/" + requestId + "/withdraw";
        var order = as("sales1").get("/api/orders/" + orderId).json();

        PortalSession otherRep = new PortalSession(port, "en").signIn("sales2");
        assertThat(otherRep.get(revise).status()).as("another rep's order does not exist for them").isEqualTo(404);
        String csrf = otherRep.csrfFrom("/");
        PortalSession.Page posted = otherRep.post(revise, PortalRequests.form(order, csrf, "discountPercent", "10",
                "action", "submit"));
        assertThat(posted.status()).isEqualTo(404);
        assertThat(posted.body()).contains("id=\"error\"").doesNotContain("at com.orderflow");
        assertThat(otherRep.post(withdraw, PortalSession.form("_csrf", csrf)).status()).isEqualTo(404);

        // A manager reads the order and the comments but the revision is the requester's.
        PortalSession manager = new PortalSession(port, "en").signIn("manager1");
        String page = manager.get("/orders/" + orderId).body();
        assertThat(page).contains("Too generous").doesNotContain("id=\"revise-" + requestId + "\"")
                .doesNotContain("id=\"request-" + requestId + "-waiting\"");
        PortalSession.Page denied = manager.get(revise);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).contains("id=\"denied\"");
        assertThat(manager.post(revise, PortalRequests.form(order, manager.csrfFrom("/"), "discountPercent", "10",
                "action", "submit")).status()).isEqualTo(403);

        PortalSession owner = new PortalSession(port, "en").signIn("sales1");
        Map<String, String> forged = PortalRequests.form(order, "forged", "discountPercent", "10", "action", "submit");
        assertThat(owner.post(revise, forged).status()).as("no CSRF token, no resubmission").isEqualTo(403);
        var request = as("sales1").get("/api/modification-requests/" + requestId).json();
        assertThat(request.get("status").asText()).isEqualTo("REJECTED");
        assertThat(request.get("round").asInt()).isEqualTo(1);
    }

    private long order() {
        return Fixtures.order(as("sales1"), Fixtures.customer(as("sales1"), "Portal Security Co")).get("id").asLong();
    }
}
