package com.orderflow.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.shared.Actor;

/**
 * The checks a processes folder passes before anything of it is deployed, at start-up and over the API alike:
 * every file parses, every expression names what exists, and everything orderflow's code relies on is there.
 */
@Component
class ProcessSetChecks {

    /** orderflow's own groups, known before the first start has created them in Camunda's identity. */
    private static final Set<String> ORDERFLOW_GROUPS = Set.of(Actor.SALES, Actor.SALES_MANAGERS, Actor.FINANCE,
            Actor.LEGAL, Actor.ADMINS);

    private final List<ProcessRequirements> declarations;
    private final ExpressionCheck expressions;
    private final ContractCheck contract;
    private final IdentityService identity;
    private final ObjectMapper json;

    ProcessSetChecks(List<ProcessRequirements> declarations, ExpressionCheck expressions, ContractCheck contract,
            IdentityService identity, ObjectMapper json) {
        this.declarations = declarations;
        this.expressions = expressions;
        this.contract = contract;
        this.identity = identity;
        this.json = json;
    }

    /** Every problem of the folder; empty when it may be deployed. */
    List<DeploymentProblem> problems(Map<String, byte[]> resources) {
        ProcessFiles files = ProcessFiles.parse(resources, json);
        if (!files.problems().isEmpty()) {
            return files.problems();
        }
        List<ProcessRequirement> requirements = new ArrayList<>();
        declarations.forEach(d -> requirements.addAll(d.requirements()));
        Set<String> codeVariables = new LinkedHashSet<>();
        requirements.stream().filter(r -> r instanceof ProcessRequirement.Variable)
                .forEach(r -> codeVariables.add(((ProcessRequirement.Variable) r).name()));
        List<DeploymentProblem> problems = new ArrayList<>();
        expressions.check(files, codeVariables, problems);
        contract.check(files, requirements, knownGroups(), problems);
        return problems;
    }

    /** Groups an approver group may be: orderflow's own and every group an admin made in Camunda Admin. */
    private Set<String> knownGroups() {
        Set<String> groups = new LinkedHashSet<>(ORDERFLOW_GROUPS);
        AsSystem.call(identity, () -> identity.createGroupQuery().list()).stream().map(Group::getId)
                .forEach(groups::add);
        return groups;
    }
}
