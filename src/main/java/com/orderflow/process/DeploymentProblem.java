package com.orderflow.process;

/** One reason a process resource cannot be deployed: the file, where in it, and what is wrong. */
public record DeploymentProblem(String file, Integer line, Integer column, String message) {

    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line + (column == null ? "" : ":" + column)) + ": " + message;
    }
}
