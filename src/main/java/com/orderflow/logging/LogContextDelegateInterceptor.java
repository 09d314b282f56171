package com.orderflow.logging;

import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;

import com.orderflow.shared.LogContext;

/**
 * Wraps the engine's own interceptor around every call into orderflow's code (delegates, listeners,
 * expressions), on job threads and on the HTTP threads that complete tasks alike: the call runs with
 * the instance's {@link LogContext}, and the thread's MDC is as before afterwards.
 */
class LogContextDelegateInterceptor implements DelegateInterceptor {

    private final DelegateInterceptor engine;
    private final Function<DelegateExecution, Optional<LogContext>> contexts;

    LogContextDelegateInterceptor(DelegateInterceptor engine,
            Function<DelegateExecution, Optional<LogContext>> contexts) {
        this.engine = engine;
        this.contexts = contexts;
    }

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
        try (LogContext.Scope scope = contextOf(executionOf(invocation))) {
            engine.handleInvocation(invocation);
        }
    }

    /**
     * An expression such as {@code ${orderflowMail.send(…)}} is invoked without an execution of its
     * own: it runs in the one the engine is executing.
     */
    private static DelegateExecution executionOf(DelegateInvocation invocation) {
        BaseDelegateExecution base = invocation.getContextExecution();
        if (base instanceof DelegateExecution execution) {
            return execution;
        }
        BpmnExecutionContext current = Context.getBpmnExecutionContext();
        return current == null ? null : current.getExecution();
    }

    private LogContext.Scope contextOf(DelegateExecution execution) {
        if (execution == null || execution.getProcessInstanceId() == null) {
            return LogContext.Scope.NONE;
        }
        return contexts.apply(execution).map(LogContext::open).orElse(LogContext.Scope.NONE);
    }
}
