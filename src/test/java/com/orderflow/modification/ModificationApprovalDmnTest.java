package com.orderflow.modification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/modification-approval.dmn on Camunda's DMN engine, no process and no database: one case per
 * rule (which rule matched and the group it gives), the edges of the thresholds, and what the COLLECT hit
 * policy gives when several rules match. When an analyst adds a rule, {@link #everyRuleHasACase} fails
 * until the rule gets a case in {@link #oneRulePerCase}.
 */
class ModificationApprovalDmnTest {

    private static final String TABLE = "processes/modification-approval.dmn";

    /** Built once for the class: the DMN engine's start is the slow part. */
    private static final List<DmnDecisionTableEvaluationEvent> EVALUATIONS = new ArrayList<>();
    private static final DmnEngine DMN = engine(EVALUATIONS::add);
    private static final DmnDecision DECISION = parse(DMN);

    /** A case: the rule's inputs on top of a request no rule covers, the rule that must match, its group. */
    record Case(String rule, Request request, String group) {
        @Override
        public String toString() {
            return rule + " → " + group;
        }
    }

    /** The five inputs the process hands the table (see ModificationWorkflow.approvalRoundVariables). */
    record Request(String orderStatus, double totalDelta, double discountPercent, boolean contractChanged,
            String reason) {

        /** An OPEN order, no money moved, a normal discount, no contract term, a correction. */
        static Request plain() {
            return new Request("OPEN", 0.0, 5.0, false, "CORRECTION");
        }

        Request status(String status) {
            return new Request(status, totalDelta, discountPercent, contractChanged, reason);
        }

        Request total(double delta) {
            return new Request(orderStatus, delta, discountPercent, contractChanged, reason);
        }

        Request discount(double percent) {
            return new Request(orderStatus, totalDelta, percent, contractChanged, reason);
        }

        Request contract() {
            return new Request(orderStatus, totalDelta, discountPercent, true, reason);
        }

        Request reason(String newReason) {
            return new Request(orderStatus, totalDelta, discountPercent, contractChanged, newReason);
        }

        VariableMap variables() {
            return Variables.createVariables().putValue("orderStatus", orderStatus).putValue("totalDelta", totalDelta)
                    .putValue("discountPercent", discountPercent).putValue("contractChanged", contractChanged)
                    .putValue("reason", reason);
        }
    }

    static Stream<Case> oneRulePerCase() {
        return Stream.of(
                new Case("rule-closed-order", Request.plain().status("CLOSED"), "sales-managers"),
                new Case("rule-large-amount", Request.plain().total(10000.01), "finance"),
                new Case("rule-high-discount", Request.plain().discount(15.5), "finance"),
                new Case("rule-contract-terms", Request.plain().contract(), "legal"),
                new Case("rule-restore", Request.plain().reason("RESTORE"), "sales-managers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneRulePerCase")
    void eachRuleAloneGivesItsGroup(Case rule) {
        assertThat(groups(rule.request())).containsExactly(rule.group());
        assertThat(matchedRules()).containsExactly(rule.rule());
    }

    @Test
    void everyRuleHasACase() {
        Set<String> rules = ((DmnDecisionTableImpl) DECISION.getDecisionLogic()).getRules().stream()
                .map(DmnDecisionTableRuleImpl::getId).collect(Collectors.toSet());
        Set<String> cases = oneRulePerCase().map(Case::rule).collect(Collectors.toSet());
        assertThat(cases).as("rules of %s with a case in oneRulePerCase", TABLE).isEqualTo(rules);
    }

    @Test
    void aChangeNoRuleCoversNeedsNoApproval() {
        assertThat(groups(Request.plain())).isEmpty();
        assertThat(matchedRules()).isEmpty();
    }

    @Test
    void theThresholdsThemselvesNeedNoApproval() {
        // "more than 10,000" and "above 15 %": the limits are still fine, in either direction of the total.
        assertThat(groups(Request.plain().total(10000.0))).isEmpty();
        assertThat(groups(Request.plain().discount(15.0))).isEmpty();
        assertThat(groups(Request.plain().status("REOPENED"))).isEmpty();
        assertThat(groups(Request.plain().reason("CUSTOMER_REQUIREMENT"))).isEmpty();
    }

    @Test
    void collectGivesEveryMatchingRulesGroupInTableOrderRepeatsIncluded() {
        Request everything = new Request("CLOSED", 20000.0, 20.0, true, "RESTORE");

        assertThat(groups(everything)).containsExactly("sales-managers", "finance", "finance", "legal",
                "sales-managers");
        assertThat(matchedRules()).containsExactly("rule-closed-order", "rule-large-amount", "rule-high-discount",
                "rule-contract-terms", "rule-restore");
    }

    @Test
    void aClosedOrderWithNewContractTermsNeedsSalesManagersAndLegal() {
        assertThat(groups(Request.plain().status("CLOSED").contract())).containsExactly("sales-managers", "legal");
    }

    @Test
    void aLargeChangeWithAHighDiscountNamesFinanceTwiceWhichTheProcessAsksOnce() {
        // The process records each group once (record-required-approvals), so finance approves once.
        assertThat(groups(Request.plain().total(50000.0).discount(30.0))).containsExactly("finance", "finance");
    }

    private List<String> groups(Request request) {
        EVALUATIONS.clear();
        DmnDecisionResult result = DMN.evaluateDecision(DECISION, request.variables());
        return result.collectEntries("approverGroup");
    }

    private List<String> matchedRules() {
        assertThat(EVALUATIONS).hasSize(1);
        return EVALUATIONS.get(0).getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
    }

    private static DmnEngine engine(DmnDecisionTableEvaluationListener listener) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(listener));
        return configuration.buildEngine();
    }

    private static DmnDecision parse(DmnEngine dmn) {
        try (InputStream in = ModificationApprovalDmnTest.class.getClassLoader().getResourceAsStream(TABLE)) {
            return dmn.parseDecision("modification-approval", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
