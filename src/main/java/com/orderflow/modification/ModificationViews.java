package com.orderflow.modification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Request and response bodies of the modification-request API. */
public final class ModificationViews {

    private ModificationViews() {
    }

    public record SubmitRequest(
            @NotNull ModificationReason reason,
            @NotBlank @Size(max = 2000) String description,
            @NotEmpty @Size(max = 20) Map<String, JsonNode> changes) {
    }

    public record ResubmitRequest(
            @Size(max = 2000) String description,
            @NotEmpty @Size(max = 20) Map<String, JsonNode> changes) {
    }

    public record ChangeView(String field, JsonNode before, JsonNode after) {
    }

    public record ApprovalView(int round, String group, String user, String decision, String comment,
            Instant decidedAt) {
    }

    public record RequestView(Long id, Long orderId, String requester, ModificationReason reason,
            String description, RequestStatus status, long baseVersion, List<String> requiredApprovals,
            String processInstanceId, Integer appliedRevision, int round, Instant createdAt, Instant updatedAt,
            List<ChangeView> changes, List<ApprovalView> approvals) {

        static RequestView of(ModificationRequest r, ObjectMapper json) {
            return new RequestView(r.getId(), r.getOrderId(), r.getRequester(), r.getReason(), r.getDescription(),
                    r.getStatus(), r.getBaseVersion(), r.getRequiredApprovals(), r.getProcessInstanceId(),
                    r.getAppliedRevision(), r.getRound(), r.getCreatedAt(), r.getUpdatedAt(),
                    r.getChanges().stream().map(c -> new ChangeView(c.getField(), tree(json, c.getOldValue()),
                            tree(json, c.getNewValue()))).toList(),
                    r.getApprovals().stream().map(a -> new ApprovalView(a.getRound(), a.getGroupId(), a.getUserId(),
                            a.getDecision(), a.getComment(), a.getDecidedAt())).toList());
        }

        private static JsonNode tree(ObjectMapper json, String text) {
            try {
                return text == null ? null : json.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
