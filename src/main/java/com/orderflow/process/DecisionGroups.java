package com.orderflow.process;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.orderflow.process.ProcessRequirement.GroupDecision;

/**
 * A decision whose output names approver groups: it is in the folder, has that output, and every rule gives a
 * group that exists (a typo such as {@code "finace"} would send the task to nobody).
 * Stays in process: a deploy check of any {@link GroupDecision} a feature declares; it knows no feature's decision.
 */
final class DecisionGroups {

    private final DeployedResources deployed;

    DecisionGroups(DeployedResources deployed) {
        this.deployed = deployed;
    }

    void check(ProcessFiles files, GroupDecision required, Set<String> knownGroups, List<DeploymentProblem> problems) {
        for (Map.Entry<String, Document> dmn : files.dmn().entrySet()) {
            for (Element decision : ProcessDom.all(dmn.getValue(), "decision")) {
                if (required.key().equals(decision.getAttribute("id"))) {
                    checkOutputs(dmn.getKey(), decision, required, knownGroups, problems);
                    return;
                }
            }
        }
        problems.add(DeploymentProblem.at(deployed.decisionFile(required.key()), required.key(), "decision '"
                + required.key() + "' is missing (its id was renamed or its file removed): orderflow evaluates it"));
    }

    private static void checkOutputs(String file, Element decision, GroupDecision required, Set<String> knownGroups,
            List<DeploymentProblem> problems) {
        List<Element> outputs = ProcessDom.all(decision, "output");
        int column = -1;
        for (int i = 0; i < outputs.size(); i++) {
            if (required.output().equals(outputs.get(i).getAttribute("name"))) {
                column = i;
            }
        }
        if (column < 0) {
            problems.add(DeploymentProblem.at(file, required.key(), "decision '" + required.key()
                    + "' has no output named '" + required.output() + "', which orderflow reads as the approver group"));
            return;
        }
        for (Element rule : ProcessDom.all(decision, "rule")) {
            List<Element> entries = ProcessDom.all(rule, "outputEntry");
            if (column < entries.size()) {
                checkGroup(file, rule.getAttribute("id"), text(entries.get(column)), knownGroups, problems);
            }
        }
    }

    private static void checkGroup(String file, String rule, String entry, Set<String> knownGroups,
            List<DeploymentProblem> problems) {
        if (entry.isEmpty()) {
            return;
        }
        boolean quoted = entry.length() >= 2 && entry.startsWith("\"") && entry.endsWith("\"");
        String group = quoted ? entry.substring(1, entry.length() - 1) : entry;
        if (!quoted || !knownGroups.contains(group)) {
            problems.add(DeploymentProblem.at(file, rule, "rule '" + rule + "' gives " + entry
                    + ", which is no group (known groups: " + ContractCheck.sorted(knownGroups) + ")"));
        }
    }

    private static String text(Element outputEntry) {
        List<Element> texts = ProcessDom.all(outputEntry, "text");
        return texts.isEmpty() ? "" : texts.get(0).getTextContent().trim();
    }
}
