package com.orderflow.modification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The request guards its own approval rules, whatever path (a task, Cockpit, a forged call) reaches it. */
class ModificationRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private static ModificationRequest inApproval(String... groups) {
        ModificationRequest request = new ModificationRequest(7L, "sales1", ModificationReason.CONTRACT_CHANGE,
                "Longer terms", 3, List.of(new FieldChange("contract.paymentTermsDays", "30", "60")), NOW);
        request.requireApprovals(List.of(groups), NOW);
        return request;
    }

    @Test
    void isApprovedOnlyWhenEveryRequiredGroupApproved() {
        ModificationRequest request = inApproval("sales-managers", "legal");
        request.recordDecision("legal", "legal1", Set.of("legal"), true, null, NOW);

        assertThatThrownBy(() -> request.approve(NOW)).isInstanceOf(ApprovalRuleException.class)
                .hasMessageContaining("sales-managers");
        assertThat(request.getStatus()).isEqualTo(RequestStatus.IN_APPROVAL);

        request.recordDecision("sales-managers", "manager1", Set.of("sales-managers"), true, null, NOW);
        request.approve(NOW);
        assertThat(request.getStatus()).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void nobodyApprovesTheirOwnRequestWhateverTheirGroups() {
        ModificationRequest request = inApproval("sales-managers");
        assertThatThrownBy(() -> request.recordDecision("sales-managers", "sales1", Set.of("sales-managers"), true,
                null, NOW)).isInstanceOf(ApprovalRuleException.class).hasMessageContaining("may not approve");
        assertThat(request.getApprovals()).isEmpty();
    }

    @Test
    void onlyAMemberOfARequiredGroupDecidesForIt() {
        ModificationRequest request = inApproval("legal");
        assertThatThrownBy(() -> request.recordDecision("legal", "finance1", Set.of("finance"), true, null, NOW))
                .isInstanceOf(ApprovalRuleException.class);
        assertThatThrownBy(() -> request.recordDecision("finance", "finance1", Set.of("finance"), true, null, NOW))
                .as("finance was not asked").isInstanceOf(ApprovalRuleException.class);
        request.recordDecision("legal", "legal1", Set.of("legal"), true, null, NOW);
        assertThatThrownBy(() -> request.recordDecision("legal", "legal2", Set.of("legal"), true, null, NOW))
                .as("one decision per group and round").isInstanceOf(ApprovalRuleException.class);
    }

    @Test
    void anEscalatedApprovalByASalesManagerStandsForEveryGroup() {
        ModificationRequest request = inApproval("finance", "legal");
        assertThatThrownBy(() -> request.recordDecision(Approval.ESCALATED, "legal1", Set.of("legal"), true, null,
                NOW)).isInstanceOf(ApprovalRuleException.class);
        request.recordDecision(Approval.ESCALATED, "manager1", Set.of("sales-managers"), true, null, NOW);
        request.approve(NOW);
        assertThat(request.getStatus()).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void aRequestNobodyHasToApproveIsApprovedAtOnce() {
        ModificationRequest request = inApproval();
        request.approve(NOW);
        assertThat(request.getStatus()).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void aResubmittedRequestWaitsForItsNewRoundsApprovers() {
        ModificationRequest request = inApproval("legal");
        request.recordDecision("legal", "legal1", Set.of("legal"), false, "No", NOW);
        request.resubmit(List.of(new FieldChange("contract.paymentTermsDays", "30", "45")), 4, null, NOW);

        assertThatThrownBy(() -> request.approve(NOW)).as("the rules have not decided round 2 yet")
                .isInstanceOf(ApprovalRuleException.class).hasMessageContaining("not decided");
        request.requireApprovals(List.of("legal"), NOW);
        assertThatThrownBy(() -> request.approve(NOW)).as("round 1's decision does not count")
                .isInstanceOf(ApprovalRuleException.class);
        request.recordDecision("legal", "legal1", Set.of("legal"), true, null, NOW);
        request.approve(NOW);
        assertThat(request.getStatus()).isEqualTo(RequestStatus.APPROVED);
    }
}
