package com.orderflow.support;

import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;

/**
 * Stands in for one bean a diagram names, whatever its kind: a delegate, an execution or task listener,
 * or an object whose methods an expression calls ({@link DiagramBeanResolver} routes those here). Every
 * call goes to {@link DiagramBeans}, which records it and runs what the test set up for that activity.
 */
class DiagramBean implements JavaDelegate, ExecutionListener, TaskListener {

    private final String name;
    private final DiagramBeans beans;

    DiagramBean(String name, DiagramBeans beans) {
        this.name = name;
        this.beans = beans;
    }

    /**
     * A stand-in; for a delegate that gets fields injected ({@code camunda:field}), an instance of a
     * subclass made here with those fields, as Camunda sets them by reflection and fails on a missing one.
     */
    static DiagramBean create(String name, Set<String> fields, DiagramBeans beans) {
        if (fields.isEmpty()) {
            return new DiagramBean(name, beans);
        }
        DynamicType.Builder<DiagramBean> type = new ByteBuddy().subclass(DiagramBean.class);
        for (String field : fields) {
            type = type.defineField(field, Object.class, Visibility.PUBLIC);
        }
        try {
            Class<? extends DiagramBean> withFields = type.make()
                    .load(DiagramBean.class.getClassLoader(),
                            ClassLoadingStrategy.UsingLookup.of(MethodHandles.lookup()))
                    .getLoaded();
            return withFields.getDeclaredConstructor(String.class, DiagramBeans.class).newInstance(name, beans);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No stand-in with fields " + fields + " for " + name, e);
        }
    }

    String name() {
        return name;
    }

    @Override
    public void execute(DelegateExecution execution) {
        beans.called(new DiagramStep(name, "execute", execution.getCurrentActivityId(), null, execution, List.of()));
    }

    @Override
    public void notify(DelegateExecution execution) {
        beans.called(new DiagramStep(name, "notify", execution.getCurrentActivityId(), execution.getEventName(),
                execution, List.of()));
    }

    @Override
    public void notify(DelegateTask task) {
        beans.called(new DiagramStep(name, "notify", task.getTaskDefinitionKey(), task.getEventName(), task,
                List.of()));
    }

    Object invoke(String method, Object[] arguments, VariableScope scope) {
        String activityId = scope instanceof DelegateTask task ? task.getTaskDefinitionKey()
                : scope instanceof DelegateExecution execution ? execution.getCurrentActivityId() : null;
        String event = scope instanceof DelegateTask task ? task.getEventName()
                : scope instanceof DelegateExecution execution ? execution.getEventName() : null;
        return beans.called(new DiagramStep(name, method, activityId, event, scope,
                arguments == null ? List.of() : java.util.Arrays.asList(arguments)));
    }

    @Override
    public String toString() {
        return "stand-in for bean " + name;
    }
}
