package com.orderflow.lifecycle.web;

/** The text a user gives when confirming a lifecycle action: the reason to reopen, the note on a restore. */
public class LifecycleForm {

    private String reason;
    private String description;

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
