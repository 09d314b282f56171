package com.orderflow.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lockOwner}: the name under which this node's job executor locks jobs, the same on every start. Blank
 * means Camunda's default, a new random name per start. It must be unique per node: see {@link OwnJobLocks}.
 */
@ConfigurationProperties("orderflow.job-execution")
record JobExecutionProperties(String lockOwner) {

    boolean fixedLockOwner() {
        return lockOwner != null && !lockOwner.isBlank();
    }
}
