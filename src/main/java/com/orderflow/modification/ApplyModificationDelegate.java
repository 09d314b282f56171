package com.orderflow.modification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Applies the approved changes; sets {@code conflict} when the order moved on since the request. */
@Component("applyModificationDelegate")
class ApplyModificationDelegate implements JavaDelegate {

    private final ModificationApplier applier;
    private final ModificationInstances instances;

    ApplyModificationDelegate(ModificationApplier applier, ModificationInstances instances) {
        this.instances = instances;
        this.applier = applier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean applied = applier.apply(instances.requestOf(execution));
        execution.setVariable(ModificationProcess.CONFLICT, !applied);
    }
}
