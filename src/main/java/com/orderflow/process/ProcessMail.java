package com.orderflow.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * One email of a process, to be sent: the instance whose work it tells of (its request or order is
 * found from that instance's link, never from a variable), the template, and the few small values the
 * email shows that only the process knows (the round, the report just written).
 */
public record ProcessMail(String processInstanceId, String template, Map<String, Object> values) {

    /** The value naming what an email queued outside any process is about; see MailQueue#queueAbout. */
    public static final String ABOUT = "about";

    public ProcessMail {
        values = Map.copyOf(values);
    }

    static ProcessMail of(DelegateExecution execution, String template, Set<String> valuesRead) {
        return new ProcessMail(execution.getProcessInstanceId(), template, valuesOf(execution, valuesRead));
    }

    static Map<String, Object> valuesOf(DelegateExecution execution, Set<String> names) {
        Map<String, Object> values = new HashMap<>();
        for (String name : names) {
            Object value = execution.getVariable(name);
            if (value != null) {
                values.put(name, value);
            }
        }
        return values;
    }

    public Object value(String name) {
        return values.get(name);
    }
}
