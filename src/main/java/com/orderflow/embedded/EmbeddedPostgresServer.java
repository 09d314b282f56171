package com.orderflow.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts the embedded default's PostgreSQL on its data directory, created on the first start and reused after.
 * The library is made for throw-away test databases and turns durability off (fsync off through {@code -F},
 * {@code synchronous_commit=off}); here every commit must be on disk before the application answers, so the three
 * settings that decide it are set back to PostgreSQL's own defaults. A start after a crash first clears what the
 * crash left ({@link LeftoverPostmaster}) and may take a while: PostgreSQL replays its write-ahead log before it
 * accepts connections.
 */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    /** Crash recovery replays the log first; the library's 10 s are too short for a large one on a slow disk. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(120);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private EmbeddedPostgresServer() {
    }

    static EmbeddedPostgres start(Path configuredDirectory, int port) throws IOException {
        Path dataDirectory = configuredDirectory.toAbsolutePath().normalize();
        if (Files.isRegularFile(dataDirectory.resolve("postgresql.conf"))) {
            LeftoverPostmaster.clear(dataDirectory);
        }
        requireFree(port);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // Spring stops it after the engine and the pool have closed; the library's hook would race them.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        try {
            checkIsOurs(postgres, dataDirectory);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    /**
     * A server that already listens on the port would answer the library's readiness probe, and the application
     * would use someone else's database.
     */
    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException taken) {
            throw new IllegalStateException("Port " + port + " is in use, so the embedded PostgreSQL cannot start"
                    + " there: stop what listens on it or choose another with orderflow.embedded-postgres.port",
                    taken);
        }
    }

    /** The server that answers works on this data directory, with the settings that keep what it commits. */
    private static void checkIsOurs(EmbeddedPostgres postgres, Path dataDirectory) {
        try (Connection connection = postgres.getDatabase(USER, DATABASE).getConnection();
                Statement statement = connection.createStatement();
                ResultSet settings = statement.executeQuery("SELECT current_setting('data_directory'),"
                        + " current_setting('server_version'), current_setting('fsync'),"
                        + " current_setting('synchronous_commit'), current_setting('full_page_writes')")) {
            settings.next();
            if (!Files.isSameFile(Path.of(settings.getString(1)), dataDirectory)) {
                throw new IllegalStateException("The PostgreSQL on port " + postgres.getPort() + " works on "
                        + settings.getString(1) + ", not on " + dataDirectory);
            }
            log.info("Embedded PostgreSQL {} on port {}, data in {} (fsync={}, synchronous_commit={},"
                    + " full_page_writes={})", settings.getString(2), postgres.getPort(), dataDirectory,
                    settings.getString(3), settings.getString(4), settings.getString(5));
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL does not answer", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
