package com.orderflow.support;

import java.beans.FeatureDescriptor;
import java.util.Iterator;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;

/**
 * Lets an expression call any method of a {@link DiagramBean}, e.g. {@code ${someMails.send(execution,
 * 'x')}}, though the stand-in has no such method: the call is handed to the bean by name. A property
 * read ({@code ${approvalTimers.remindAfter}}) is a setting the test must give (a map registered under
 * the bean's name), so it fails with a message saying so.
 */
final class DiagramBeanResolver extends ELResolver {

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (!(base instanceof DiagramBean bean)) {
            return null;
        }
        context.setPropertyResolved(true);
        return bean.invoke(String.valueOf(method), params, (VariableScope) context.getContext(VariableScope.class));
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base instanceof DiagramBean bean) {
            throw new PropertyNotFoundException("The diagram reads " + bean.name() + "." + property
                    + ": a setting, so give it a value in the test, e.g. beans.settings(\"" + bean.name()
                    + "\", Map.of(\"" + property + "\", …))");
        }
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // Nothing is written through a stand-in.
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
