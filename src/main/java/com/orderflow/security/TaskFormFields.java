package com.orderflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.process.AsSystem;

/**
 * The fields a user may submit for a task: the keys of its deployed Camunda Form's input fields that
 * are neither disabled nor read-only (Tasklist submits exactly those). A task without a Camunda Form
 * takes no fields.
 */
@Component
class TaskFormFields {

    private final FormService forms;
    private final IdentityService identity;
    private final ObjectMapper json = new ObjectMapper();

    TaskFormFields(FormService forms, IdentityService identity) {
        this.forms = forms;
        this.identity = identity;
    }

    Set<String> of(String taskId) {
        JsonNode form = AsSystem.call(identity, () -> read(taskId));
        Set<String> keys = new HashSet<>();
        collect(form.path("components"), keys);
        return keys;
    }

    private JsonNode read(String taskId) {
        try (InputStream in = forms.getDeployedTaskForm(taskId)) {
            return json.readTree(in);
        } catch (ProcessEngineException noCamundaForm) {
            return json.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            boolean editable = !component.path("disabled").asBoolean(false)
                    && !component.path("readonly").asBoolean(false);
            if (editable && component.path("key").isTextual()) {
                keys.add(component.path("key").asText());
            }
            collect(component.path("components"), keys);
        }
    }
}
