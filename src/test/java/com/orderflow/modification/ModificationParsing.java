package com.orderflow.modification;

import jakarta.validation.Validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.orderflow.shared.InvalidFieldException;

/** The modification request's parser, for tests outside this package that compare it with the API. */
public final class ModificationParsing {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static final FieldValues VALUES = new FieldValues(JSON,
            Validation.buildDefaultValidatorFactory().getValidator());

    private ModificationParsing() {
    }

    /** Whether a request may set the field at {@code path} (as the API names it) to {@code value}. */
    public static boolean accepts(String path, Object value) {
        OrderField field = OrderField.byPath(path).orElseThrow(() -> new IllegalArgumentException(path));
        try {
            VALUES.parse(field, JSON.valueToTree(value));
            return true;
        } catch (InvalidFieldException e) {
            return false;
        }
    }
}
