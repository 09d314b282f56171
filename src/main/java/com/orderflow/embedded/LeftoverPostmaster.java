package com.orderflow.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * Clears what a crash left in the data directory before the embedded PostgreSQL starts on it.
 * <p>
 * pg_ctl detaches the server into a session of its own, so when only the JVM dies (kill -9, a crashed IDE) the
 * server lives on, holding the port and the directory, and a new one cannot start beside it. Such a server is
 * this application's from its previous run and serves nobody now: it is stopped with {@code pg_ctl stop -m fast}
 * (the connections of the dead JVM are cut, their open transactions roll back, what was committed stays), using
 * the pg_ctl next to the running server's own binary, run the way the library runs it. A {@code postmaster.pid} whose process is gone is left to
 * PostgreSQL, which replaces it itself; one whose process id now belongs to another program (after a reboot, say)
 * would make PostgreSQL refuse to start, so it is removed. A directory that another running application still
 * holds (the library's lock file) is never touched.
 */
final class LeftoverPostmaster {

    private static final String LIBRARY_LOCK_FILE = "epg-lock";
    private static final long STOP_SECONDS = 60;

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

    private LeftoverPostmaster() {
    }

    static void clear(Path dataDirectory) {
        requireNoOtherApplication(dataDirectory);
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<Long> pid = recordedPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("postmaster.pid names process {}, which is gone: PostgreSQL replaces the file", pid.get());
            return;
        }
        Optional<Path> binary = process.get().info().command().map(Path::of);
        if (binary.isPresent() && isServerOf(binary.get(), process.get(), dataDirectory)) {
            stop(binary.get(), process.get(), dataDirectory);
        } else if (binary.isPresent()) {
            log.warn("postmaster.pid names process {}, which is {} now: removing the stale file", pid.get(),
                    binary.get());
            delete(pidFile);
        } else {
            throw new IllegalStateException("Process " + pid.get() + " named in " + pidFile + " is running, but"
                    + " whether it is this directory's PostgreSQL cannot be told: stop it, or remove the file");
        }
    }

    /** The library locks the directory while a server of its own runs there; a lock we get is nobody's. */
    private static void requireNoOtherApplication(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve(LIBRARY_LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(dataDirectory + " is in use by another running application");
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException(dataDirectory + " is in use by this JVM already", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Long> recordedPid(Path pidFile) {
        try {
            List<String> lines = Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.UTF_8)
                    : List.of();
            return lines.isEmpty() || lines.get(0).isBlank() ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException unreadable) {
            log.warn("Cannot read {}: left to PostgreSQL", pidFile, unreadable);
            return Optional.empty();
        }
    }

    /** A postgres binary started on this directory (its arguments, where the OS shows them, name it). */
    private static boolean isServerOf(Path binary, ProcessHandle process, Path dataDirectory) {
        String name = binary.getFileName().toString();
        boolean postgres = name.equals("postgres") || name.equals("postgres.exe");
        return postgres && process.info().arguments()
                .map(arguments -> Arrays.asList(arguments).contains(dataDirectory.toString())).orElse(true);
    }

    private static void stop(Path binary, ProcessHandle process, Path dataDirectory) {
        String pgCtl = binary.resolveSibling(binary.getFileName().toString().endsWith(".exe") ? "pg_ctl.exe"
                : "pg_ctl").toString();
        log.warn("PostgreSQL (process {}) still runs on {} from before a crash: stopping it (pg_ctl stop -m fast)",
                process.pid(), dataDirectory);
        try {
            List<String> command = new ArrayList<>();
            if (LinuxUtils.isUnshareAvailable()) {
                // As the library runs every PostgreSQL command, since they refuse to run as root.
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(pgCtl, "-D", dataDirectory.toString(), "stop", "-m", "fast", "-w", "-t",
                    Long.toString(STOP_SECONDS)));
            Process pgCtlStop = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(pgCtlStop.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (pgCtlStop.waitFor() != 0 || !ended(process)) {
                throw new IllegalStateException("The PostgreSQL left running on " + dataDirectory + " (process "
                        + process.pid() + ") did not stop: " + output);
            }
            log.info("Stopped the PostgreSQL left running: {}", output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL left running", e);
        }
    }

    /** pg_ctl returns once the server has removed its pid file, a moment before the process is gone. */
    private static boolean ended(ProcessHandle process) throws InterruptedException {
        try {
            process.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
