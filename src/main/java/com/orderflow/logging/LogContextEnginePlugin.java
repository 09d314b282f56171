package com.orderflow.logging;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs {@link LogContextDelegateInterceptor} around the interceptor the engine set up (which handles
 * process application contexts), once the engine's own init has chosen it.
 */
@Component
class LogContextEnginePlugin extends AbstractProcessEnginePlugin {

    // Looked up at the first step, not when the engine is configured, which happens before the data layer.
    private final ObjectProvider<InstanceLogContexts> contexts;

    LogContextEnginePlugin(ObjectProvider<InstanceLogContexts> contexts) {
        this.contexts = contexts;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDelegateInterceptor(new LogContextDelegateInterceptor(
                configuration.getDelegateInterceptor(), execution -> contexts.getObject()
                        .of(execution.getProcessInstanceId(), execution.getProcessBusinessKey())));
    }
}
