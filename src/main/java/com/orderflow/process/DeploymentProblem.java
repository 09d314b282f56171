package com.orderflow.process;

/**
 * One reason a process resource cannot be deployed: the file, the element in it (its id, when the problem
 * belongs to one), where in the file, and what is wrong.
 */
public record DeploymentProblem(String file, String element, Integer line, Integer column, String message) {

    /** A problem of the file as a whole, such as XML that does not parse. */
    public DeploymentProblem(String file, Integer line, Integer column, String message) {
        this(file, null, line, column, message);
    }

    /** A problem of one element of a file that parses. */
    static DeploymentProblem at(String file, String element, String message) {
        return new DeploymentProblem(file, element, null, null, message);
    }

    @Override
    public String toString() {
        return file + (line == null ? "" : ":" + line + (column == null ? "" : ":" + column))
                + (element == null ? "" : " [" + element + "]") + ": " + message;
    }
}
