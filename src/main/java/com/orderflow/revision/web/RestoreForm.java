package com.orderflow.revision.web;

/** The note a user gives the approvers when asking to restore a revision. */
public class RestoreForm {

    private String description;

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
