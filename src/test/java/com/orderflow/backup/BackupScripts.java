package com.orderflow.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** scripts/backup.sh and scripts/restore.sh run as an operator runs them, against one PostgreSQL server. */
final class BackupScripts {

    record Run(int exitCode, String output) {
    }

    private final int port;

    BackupScripts(int port) {
        this.port = port;
    }

    /**
     * The scripts need the PostgreSQL client tools (Debian's postgresql-client, which .ci/run installs). Without
     * them this test fails, and says why, rather than being skipped.
     */
    static void requireClientTools() {
        for (String tool : List.of("pg_dump", "pg_restore", "psql")) {
            Run found = run(List.of("bash", "-c", "command -v " + tool));
            if (found.exitCode() != 0) {
                throw new AssertionError(tool + " is not installed: install the PostgreSQL client tools (Debian:"
                        + " apt-get install postgresql-client, as .ci/run does) to run the backup test.");
            }
        }
    }

    Run backup(String database, Path file) {
        return run(script("backup.sh", "-d", database, "-o", file.toString()));
    }

    Run restore(Path file, String database) {
        return run(script("restore.sh", "-d", database, file.toString()));
    }

    private List<String> script(String name, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("scripts", name).toString(),
                "-h", "localhost", "-p", Integer.toString(port), "-U", "postgres"));
        command.addAll(List.of(args));
        return command;
    }

    private static Run run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish:\n" + output);
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted running " + command, e);
        }
    }
}
