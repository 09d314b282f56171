package com.orderflow.process;

import java.util.List;
import java.util.stream.Collectors;

/** The processes folder fails a check (a file does not parse, or breaks what code relies on); nothing was deployed. */
public class InvalidProcessResourceException extends RuntimeException {

    private final List<DeploymentProblem> problems;

    public InvalidProcessResourceException(List<DeploymentProblem> problems, Throwable cause) {
        super("Process resources fail the checks, nothing deployed: "
                + problems.stream().map(DeploymentProblem::toString).collect(Collectors.joining("; ")), cause);
        this.problems = List.copyOf(problems);
    }

    public List<DeploymentProblem> getProblems() {
        return problems;
    }
}
