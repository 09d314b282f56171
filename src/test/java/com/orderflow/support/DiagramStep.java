package com.orderflow.support;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One call of a bean the diagram names, as a stand-in saw it: where (the activity id, and the listener's
 * event), which bean and member, and the scope to read or set variables on. Tests answer and assert by
 * {@link #activityId()}, never by the bean's name, so renaming a bean in the diagram changes no test.
 *
 * @param bean       the name in the expression, e.g. {@code runClosingChecksDelegate}
 * @param member     {@code execute}, {@code notify} or the method the expression calls
 * @param activityId the element running the bean (a user task's id for its task listeners)
 * @param event      the listener's event ({@code start}, {@code complete}, …), or null for a step
 * @param scope      the execution or task
 * @param arguments  what a method expression passed
 */
public record DiagramStep(String bean, String member, String activityId, String event, VariableScope scope,
        List<Object> arguments) {

    public DelegateExecution execution() {
        return scope instanceof DelegateTask task ? task.getExecution() : (DelegateExecution) scope;
    }

    public DelegateTask task() {
        return (DelegateTask) scope;
    }

    public boolean isTaskEvent(String eventName) {
        return scope instanceof DelegateTask && eventName.equals(event);
    }

    /** Sets a variable on the process instance, as orderflow's listeners do for decisions. */
    public void setOnInstance(String name, Object value) {
        execution().getProcessInstance().setVariable(name, value);
    }

    @Override
    public String toString() {
        return activityId + (event == null ? "" : "/" + event) + " → " + bean + "." + member;
    }
}
