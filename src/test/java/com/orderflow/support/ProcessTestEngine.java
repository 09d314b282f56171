package com.orderflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The process engine of the process tests ({@code *ProcessTest}): one per test JVM, standalone (no
 * Spring, no orderflow beans), over an embedded PostgreSQL of its own, the one database orderflow runs
 * on. The job executor is off, so a test runs each job itself on its own thread and sees its stand-in
 * beans ({@link DiagramBeans}); the engine clock is the test's ({@code ClockUtil}). Each test deploys
 * its diagram ({@code @Deployment}) and the extension removes it afterwards.
 */
public final class ProcessTestEngine {

    private static ProcessEngine engine;
    private static EmbeddedPostgres postgres;

    private ProcessTestEngine() {
    }

    /** The JUnit 5 extension for a test class, on the shared engine. */
    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
    }

    static synchronized ProcessEngine engine() {
        if (engine == null) {
            quietLogs();
            postgres = startPostgres();
            engine = build(postgres.getJdbcUrl("postgres", "postgres"));
            Runtime.getRuntime().addShutdownHook(new Thread(ProcessTestEngine::stop, "process-test-engine-stop"));
        }
        return engine;
    }

    private static ProcessEngine build(String jdbcUrl) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("process-tests");
        configuration.setJdbcUrl(jdbcUrl);
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcUsername("postgres");
        configuration.setJdbcPassword("");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_ACTIVITY);
        configuration.setExpressionManager(new StandInExpressionManager());
        // orderflow has no case models; skipping CMMN saves its deployer and parse on every deployment.
        configuration.setCmmnEnabled(false);
        configuration.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(FlowCoverage.recorder())));
        // Nothing in a unit test should report usage or collect metrics in the background.
        configuration.setDbMetricsReporterActivate(false);
        configuration.setMetricsEnabled(false);
        return configuration.buildProcessEngine();
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            // A scratch database: nothing needs to survive a crash, so no waiting for the disk.
            return EmbeddedPostgres.builder().setRegisterShutdownHook(false).setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off").start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }

    /** Engine first (it needs the database to close), then the database. */
    private static synchronized void stop() {
        try {
            engine.close();
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not stop", e);
        }
    }

    /**
     * Without a logging configuration (no Spring here) logback logs everything; failures a test provokes
     * on purpose would fill the console with stack traces the test already asserts.
     */
    private static void quietLogs() {
        level("org.camunda", Level.WARN);
        level("org.camunda.bpm.engine.context", Level.OFF);
        level("org.camunda.bpm.engine.jobexecutor", Level.OFF);
        level("org.apache.ibatis", Level.WARN);
        level("io.zonky", Level.WARN);
    }

    private static void level(String logger, Level level) {
        if (LoggerFactory.getLogger(logger) instanceof Logger logback) {
            logback.setLevel(level);
        }
    }

    /** Camunda's mock expression manager, plus calls of any method on a {@link DiagramBean}. */
    private static final class StandInExpressionManager extends MockExpressionManager {

        @Override
        protected ELResolver createElResolver() {
            CompositeELResolver resolver = new CompositeELResolver();
            resolver.add(new DiagramBeanResolver());
            resolver.add(super.createElResolver());
            return resolver;
        }
    }
}
