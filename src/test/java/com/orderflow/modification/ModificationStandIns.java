package com.orderflow.modification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.orderflow.support.DiagramBeans;
import com.orderflow.support.DiagramStep;

/**
 * What order-modification's steps do, for its process test: each stands in for orderflow's delegate or
 * listener at that activity by setting the variables the diagram reads next. The request is a set of
 * approval-rule inputs the test chooses; the real modification-approval DMN decides the groups.
 */
final class ModificationStandIns {

    private final Map<String, Object> request = new HashMap<>();
    private int round;
    private boolean conflict;

    ModificationStandIns(DiagramBeans beans) {
        beans.at("prepare-round", this::prepareRound)
                .at("record-required-approvals", ModificationStandIns::recordRequiredApprovals)
                .at("approve-modification", ModificationStandIns::recordDecision)
                .at("escalated-approval", ModificationStandIns::recordDecision)
                .at("apply-modification", step -> step.execution().setVariable("conflict", conflict))
                .at("write-report", step -> step.execution().setVariable("reportId", 77L));
        needingNoApproval();
    }

    /** An OPEN order, a phone number: no rule matches. */
    ModificationStandIns needingNoApproval() {
        request.putAll(Map.of("orderStatus", "OPEN", "totalDelta", 0.0, "discountPercent", 5.0,
                "contractChanged", false, "reason", "CORRECTION"));
        return this;
    }

    /** A CLOSED order whose total grows by 20,000 with new contract terms: three groups approve. */
    ModificationStandIns needingThreeGroups() {
        request.putAll(Map.of("orderStatus", "CLOSED", "totalDelta", 20000.0, "discountPercent", 5.0,
                "contractChanged", true, "reason", "CONTRACT_CHANGE"));
        return this;
    }

    ModificationStandIns conflicting(boolean conflicting) {
        this.conflict = conflicting;
        return this;
    }

    private void prepareRound(DiagramStep step) {
        round++;
        step.execution().setVariables(request);
        step.execution().setVariable("round", round);
        step.execution().setVariable("anyRejected", false);
    }

    /** Each group once, as the delegate does with the DMN's COLLECT result. */
    @SuppressWarnings("unchecked")
    private static void recordRequiredApprovals(DiagramStep step) {
        List<String> decided = (List<String>) step.execution().getVariable("approverGroups");
        step.execution().setVariable("requiredApprovals", new ArrayList<>(new LinkedHashSet<>(decided)));
        step.execution().removeVariable("approverGroups");
    }

    /** A rejection ends the round for every group, as orderflow's approval listener does. */
    private static void recordDecision(DiagramStep step) {
        if (step.isTaskEvent("complete") && Boolean.FALSE.equals(step.task().getVariable("approved"))) {
            step.setOnInstance("anyRejected", true);
        }
    }
}
