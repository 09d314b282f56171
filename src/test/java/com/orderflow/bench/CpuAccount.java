package com.orderflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a run's CPU went: this JVM (orderflow, the engine, GreenMail and the harness) and the PostgreSQL
 * server, per instance, with the transactions the database committed. Both paths are CPU-bound on the
 * bench machine, so the ratio is the ratio of these sums. The server's processes are read from Linux's
 * /proc (elsewhere only the JVM is counted).
 */
final class CpuAccount {

    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on the usual platforms. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    record Reading(long jvmNanos, OptionalLong postgresNanos, long commits) {

        static final Reading ZERO = new Reading(0, OptionalLong.of(0), 0);

        /** This total with what was spent between the two readings added. */
        Reading plus(Reading before, Reading after) {
            OptionalLong postgres = postgresNanos.isPresent() && before.postgresNanos.isPresent()
                    && after.postgresNanos.isPresent()
                    ? OptionalLong.of(postgresNanos.getAsLong() + after.postgresNanos.getAsLong()
                            - before.postgresNanos.getAsLong())
                    : OptionalLong.empty();
            return new Reading(jvmNanos + after.jvmNanos - before.jvmNanos, postgres,
                    commits + after.commits - before.commits);
        }
    }

    private final JdbcTemplate jdbc;

    CpuAccount(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Reading read() {
        long commits = jdbc.queryForObject(
                "select xact_commit from pg_stat_database where datname = current_database()", Long.class);
        return new Reading(jvmNanos(), postgresNanos(), commits);
    }

    /** One line for the run of n instances between the two readings. */
    static String perInstance(Reading before, Reading after, int n) {
        String postgres = before.postgresNanos().isPresent() && after.postgresNanos().isPresent()
                ? String.format("%.1f", (after.postgresNanos().getAsLong() - before.postgresNanos().getAsLong()) / 1e6 / n)
                : "n/a";
        return String.format("jvm_ms=%.1f postgres_ms=%s commits=%.1f", (after.jvmNanos() - before.jvmNanos()) / 1e6 / n,
                postgres, (after.commits() - before.commits()) / (double) n);
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The server process of this connection's backend and all its children (backends, writers). */
    private OptionalLong postgresNanos() {
        Path proc = Path.of("/proc");
        long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        Optional<List<String>> backendStat = stat(proc.resolve(Long.toString(backend)));
        if (backendStat.isEmpty()) {
            return OptionalLong.empty();
        }
        String server = backendStat.get().get(1);
        long ticks = 0;
        try (Stream<Path> processes = Files.list(proc)) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                Optional<List<String>> fields = stat(process);
                if (fields.isPresent() && (fields.get().get(1).equals(server)
                        || process.getFileName().toString().equals(server))) {
                    ticks += Long.parseLong(fields.get().get(11)) + Long.parseLong(fields.get().get(12));
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ticks * NANOS_PER_TICK);
    }

    /** The fields of /proc/[pid]/stat after the command name: state, parent pid, …, utime (11), stime (12). */
    private static Optional<List<String>> stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            return Optional.of(List.of(line.substring(line.lastIndexOf(')') + 2).split(" ")));
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process ended while it was read.
            return Optional.empty();
        }
    }
}
