package com.orderflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/** Approving a modification request as its approvers do in Tasklist, each group by its demo user. */
public final class Approvals {

    /** The demo user who decides for each approver group. */
    public static final Map<String, String> APPROVER_OF = Map.of("sales-managers", "manager1", "finance", "finance1",
            "legal", "legal1", "delivery", "delivery1");

    private Approvals() {
    }

    /** Waits until the request's approvers are decided, then approves its round, group by group. */
    public static void approveEveryRequiredGroup(Function<String, ApiClient> as, String requester, long requestId) {
        ApiClient owner = as.apply(requester);
        Await.until("the approvers of request " + requestId + " are decided", () -> !"SUBMITTED".equals(
                owner.get("/api/modification-requests/" + requestId).json().get("status").asText()));
        JsonNode request = owner.get("/api/modification-requests/" + requestId).json();
        String pid = request.get("processInstanceId").asText();
        for (JsonNode group : request.get("requiredApprovals")) {
            approve(as.apply(APPROVER_OF.get(group.asText())), pid, group.asText());
        }
    }

    /** Completes the group's approval task of the instance once it is there. */
    public static void approve(ApiClient approver, String processInstanceId, String group) {
        String query = "/engine-rest/task?processInstanceId=" + processInstanceId + "&candidateGroup=" + group;
        Await.until(group + " has a task", () -> approver.get(query).json().size() == 1);
        String taskId = approver.get(query).json().get(0).get("id").asText();
        var done = approver.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables",
                Map.of("approved", Map.of("value", true, "type", "Boolean"),
                        "comment", Map.of("value", "Agreed", "type", "String"))));
        assertThat(done.status()).as(done.text()).isEqualTo(204);
    }
}
