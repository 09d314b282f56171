package com.orderflow.process;

import java.util.List;
import java.util.stream.Collectors;

/** A BPMN, DMN or form in the processes folder that does not parse; nothing was deployed. */
public class InvalidProcessResourceException extends RuntimeException {

    private final List<DeploymentProblem> problems;

    public InvalidProcessResourceException(List<DeploymentProblem> problems, Throwable cause) {
        super("Process resources do not parse, nothing deployed: "
                + problems.stream().map(DeploymentProblem::toString).collect(Collectors.joining("; ")), cause);
        this.problems = List.copyOf(problems);
    }

    public List<DeploymentProblem> getProblems() {
        return problems;
    }
}
