package com.orderflow.modification;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One field of the order a request changes: path, and old and new value as JSON text. */
@Embeddable
public class FieldChange {

    private String field;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    protected FieldChange() {
    }

    public FieldChange(String field, String oldValue, String newValue) {
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    public String getField() {
        return field;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }
}
