package com.orderflow.jobs;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets a node that restarts after a crash take back at once the jobs it held when it died.
 * <p>
 * The job executor locks each job it takes for {@code camunda.bpm.job-execution.lock-time-in-millis} (Camunda's
 * default 5 minutes) under its lock owner, a new random name per start. The jobs a killed JVM had taken, the
 * apply steps and emails of requests it had just answered among them, therefore wait out the rest of that time
 * before anyone runs them. With a fixed lock owner ({@code orderflow.job-execution.lock-owner}) a starting node
 * knows that the locks under its name are its own from before the crash, held by nobody alive, and releases them
 * before its job executor starts. The transactions that were running them rolled back with the crash, so the jobs
 * simply run again, with their retries untouched. A lock time shorter than the slowest job (a review scans every
 * closed order in one job) would instead let a second thread start a job that is still running.
 * <p>
 * The name must be unique per node: a node that released the locks of a name a live node uses would run that
 * node's jobs a second time. The embedded default is one node by construction (its data directory is locked).
 */
@Component
class OwnJobLocks extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(OwnJobLocks.class);

    private final JobExecutionProperties properties;

    OwnJobLocks(JobExecutionProperties properties) {
        this.properties = properties;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (properties.fixedLockOwner()) {
            configuration.getJobExecutor().setLockOwner(properties.lockOwner());
        }
    }

    /** The engine and its tables exist now; the job executor starts only once the application has started. */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!properties.fixedLockOwner()) {
            return;
        }
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        int released = new JdbcTemplate(configuration.getDataSource()).update("UPDATE "
                + configuration.getDatabaseTablePrefix() + "ACT_RU_JOB SET REV_ = REV_ + 1, LOCK_OWNER_ = NULL,"
                + " LOCK_EXP_TIME_ = NULL WHERE LOCK_OWNER_ = ?", properties.lockOwner());
        if (released > 0) {
            log.info("Released {} jobs that lock owner {} held when it stopped: they run again now", released,
                    properties.lockOwner());
        }
    }
}
