package com.orderflow.review;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Lets the review's timer start event read {@code ${reviewSchedule.cron}} again each time it is due,
 * rather than keeping the cron it had when the diagram was deployed. Only cycle timers are affected;
 * the approval reminders and escalations are durations.
 */
@Component
class ReviewEngineSettings extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setReevaluateTimeCycleWhenDue(true);
    }
}
