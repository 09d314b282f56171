package com.orderflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application in its own JVM, for tests that start, stop, crash or break it. Camunda keeps a
 * static engine registry, so a second application in the test JVM would disturb the shared one.
 */
public final class ForkedApp implements AutoCloseable {

    /** System property that carries the path of the packaged Spring Boot jar (failsafe sets it after package). */
    public static final String PACKAGED_JAR_PROPERTY = "orderflow.app.jar";

    private final Process process;
    private final Path log;
    private final int port;

    private ForkedApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
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
        try {
            Files.createDirectories(workDir);
            int port = freePort();
            Path log = workDir.resolve("app-" + port + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
            command.addAll(launcher);
            command.add("--server.port=" + port);
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ForkedApp(process, log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ForkedApp awaitHealthy() {
        ApiClient anonymous = client(null);
        Await.until("the forked app is healthy (log: " + log + ")", Duration.ofSeconds(120), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("The forked app exited:\n" + output());
            }
            try {
                return anonymous.get("/actuator/health").status() == 200;
            } catch (UncheckedIOException notYet) {
                return false;
            }
        });
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

    /** kill -9: the JVM dies mid-work. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
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
