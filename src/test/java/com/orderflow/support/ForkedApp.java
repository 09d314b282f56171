package com.orderflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The application in its own JVM, for tests that start, stop, crash or break it. Camunda keeps a
 * static engine registry, so a second application in the test JVM would disturb the shared one.
 * <p>
 * On the embedded default the app starts a PostgreSQL of its own under {@code data/postgres} of the working
 * directory, on a free port chosen here. pg_ctl detaches that server (and PostgreSQL each of its processes) into
 * a session of its own, so killing the JVM leaves it running: {@link #crash()} kills both, as a power cut would,
 * and {@link #close()} never leaves one behind. Where {@code setsid} exists the JVM leads a process group of its
 * own, which {@code kill -9} ends whole.
 */
public final class ForkedApp implements AutoCloseable {

    /** System property that carries the path of the packaged Spring Boot jar (failsafe sets it after package). */
    public static final String PACKAGED_JAR_PROPERTY = "orderflow.app.jar";

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final String POSTGRES_PORT_ARG = "--orderflow.embedded-postgres.port=";

    private final Process process;
    private final Path workDir;
    private final List<String> launcher;
    private final List<String> args;
    private final Path log;
    private final int port;
    private final int postgresPort;
    private boolean leaveDatabaseRunning;

    private ForkedApp(Process process, Path workDir, List<String> launcher, List<String> args, Path log, int port,
            int postgresPort) {
        this.process = process;
        this.workDir = workDir;
        this.launcher = launcher;
        this.args = args;
        this.log = log;
        this.port = port;
        this.postgresPort = postgresPort;
    }

    /**
     * Starts the app from the test classpath with these arguments (plus a free port); does not wait for it to
     * be ready. Quick to use from an IDE, for tests about the app's behaviour rather than its packaging.
     */
    public static ForkedApp start(Path workDir, String... args) {
        return launch(workDir, List.of("-cp", System.getProperty("java.class.path"),
                "com.orderflow.OrderflowApplication"), args);
    }

    /**
     * Starts the app from the test classpath as {@code mvn spring-boot:run} does: with the JVM system properties
     * that pom.xml gives the run ({@code spring-boot-maven-plugin}'s {@code systemPropertyVariables}), read from
     * the pom itself, plus these arguments; does not wait for it to be ready.
     */
    public static ForkedApp startLikeSpringBootRun(Path workDir, String... args) {
        List<String> launcher = new ArrayList<>(SpringBootRunSettings.systemProperties().entrySet().stream()
                .map(p -> "-D" + p.getKey() + "=" + p.getValue()).toList());
        launcher.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.orderflow.OrderflowApplication"));
        return launch(workDir, launcher, args);
    }

    /**
     * Starts the packaged jar ({@code java -jar}), as it runs in production, with these arguments (plus a free
     * port); does not wait for it to be ready. The jar exists only after {@code package}, so the test must run
     * under {@code mvn verify}.
     */
    public static ForkedApp startPackagedJar(Path workDir, String... args) {
        return launch(workDir, List.of("-jar", packagedJar().toString()), args);
    }

    /** The jar named by {@value #PACKAGED_JAR_PROPERTY}; no fallback, so a test never silently runs classes. */
    static Path packagedJar() {
        String property = System.getProperty(PACKAGED_JAR_PROPERTY);
        if (property == null || property.isBlank()) {
            throw new IllegalStateException("This test runs the packaged jar, but -D" + PACKAGED_JAR_PROPERTY
                    + " is not set: run it with `mvn verify` (failsafe passes the jar built by `package`).");
        }
        Path jar = Path.of(property).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The packaged jar " + jar + " does not exist: run `mvn verify`, which"
                    + " builds it in the package phase before the integration tests.");
        }
        return jar;
    }

    private static ForkedApp launch(Path workDir, List<String> launcher, String... args) {
        return launch(workDir, launcher, List.of(args), freePort());
    }

    private static ForkedApp launch(Path workDir, List<String> launcher, List<String> args, int postgresPort) {
        try {
            Files.createDirectories(workDir);
            int port = freePort();
            Path log = workDir.resolve("app-" + port + ".log");
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(SETSID)) {
                command.add(SETSID.toString());
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
            command.addAll(launcher);
            command.add("--server.port=" + port);
            if (args.stream().noneMatch(a -> a.startsWith(POSTGRES_PORT_ARG))) {
                command.add(POSTGRES_PORT_ARG + postgresPort);
            }
            command.addAll(args);
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ForkedApp(process, workDir, launcher, args, log, port, postgresPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the same app again in the same working directory, with the same arguments and the same PostgreSQL
     * port, as an operator restarting it would; this one must have ended. Does not wait for it to be ready.
     */
    public ForkedApp restart() {
        if (process.isAlive()) {
            throw new IllegalStateException("The app still runs (pid " + process.pid() + ")");
        }
        return launch(workDir, launcher, args, postgresPort);
    }

    /**
     * Waits until the app answers its health check; an app that never does is killed (with its PostgreSQL), so a
     * failed start leaves nothing running. Generous: the build machines are shared, and a start under load takes
     * several times its usual 30 s.
     */
    public ForkedApp awaitHealthy() {
        ApiClient anonymous = client(null);
        try {
            Await.until("the forked app is healthy (log: " + log + ")", Duration.ofSeconds(300), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("The forked app exited:\n" + output());
                }
                try {
                    return anonymous.get("/actuator/health").status() == 200;
                } catch (UncheckedIOException notYet) {
                    return false;
                }
            });
        } catch (AssertionError notHealthy) {
            try {
                close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw notHealthy;
        }
        return this;
    }

    /** Waits for the JVM to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The forked app did not exit:\n" + output());
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The port of the embedded default's PostgreSQL (user and database {@code postgres}, no password). */
    public int postgresPort() {
        return postgresPort;
    }

    /** The JVM's process id (it leads its own process group where {@code setsid} exists). */
    public long pid() {
        return process.pid();
    }

    public ApiClient client(String user) {
        return new ApiClient(port, user, user);
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A graceful stop (SIGTERM), as an operator would. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** kill -9: the JVM dies mid-work (on the embedded default its PostgreSQL lives on, see {@link #crash()}). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * kill -9 of the JVM's process group only, as when the JVM alone crashes: the embedded PostgreSQL it started
     * lives on, and {@link #close()} leaves it to the next start in this directory.
     */
    public void killJvmOnly() throws InterruptedException {
        leaveDatabaseRunning = true;
        killNow(List.of(jvmTarget()));
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * kill -9 of everything at once, as a power cut: the JVM's process group, the embedded PostgreSQL's
     * postmaster and every process of it, in one {@code kill} call.
     */
    public void crash() throws InterruptedException {
        List<String> targets = new ArrayList<>(List.of(jvmTarget()));
        postmaster().ifPresent(postmaster -> {
            targets.add(Long.toString(postmaster.pid()));
            postmaster.descendants().forEach(child -> targets.add(Long.toString(child.pid())));
        });
        killNow(targets);
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** The embedded PostgreSQL's running postmaster in this working directory, if any (from its pid file). */
    public Optional<ProcessHandle> postmaster() {
        Path pidFile = workDir.resolve("data/postgres/postmaster.pid");
        try {
            List<String> lines = Files.isRegularFile(pidFile) ? Files.readAllLines(pidFile) : List.of();
            return lines.isEmpty() || lines.get(0).isBlank() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            crash();
        } else if (!leaveDatabaseRunning && postmaster().isPresent()) {
            crash();
        }
    }

    /** "-pid" (the group) when the JVM leads its own group, else its pid. */
    private String jvmTarget() {
        return Files.isExecutable(SETSID) ? "-" + process.pid() : Long.toString(process.pid());
    }

    private static void killNow(List<String> targets) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", "-s", "KILL", "--"));
        command.addAll(targets);
        try {
            new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
