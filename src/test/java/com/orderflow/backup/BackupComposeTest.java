package com.orderflow.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file's backups: the backup service uses the database's own image (client tools of the server's
 * major version), reaches the database the app uses, runs a script that exists; the server archives its WAL.
 */
class BackupComposeTest {

    @Test
    @SuppressWarnings("unchecked")
    void theBackupServiceDumpsTheAppsDatabaseWithTheServersOwnTools() throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        Map<String, Object> backup = (Map<String, Object>) services.get("backup");
        Map<String, String> db = (Map<String, String>) postgres.get("environment");
        Map<String, String> env = (Map<String, String>) backup.get("environment");

        assertThat(backup.get("image")).isEqualTo(postgres.get("image"));
        assertThat(env).containsEntry("PGHOST", "postgres").containsEntry("PGDATABASE", db.get("POSTGRES_DB"))
                .containsEntry("PGUSER", db.get("POSTGRES_USER")).containsEntry("PGPASSWORD", db.get("POSTGRES_PASSWORD"));
        assertThat((List<String>) backup.get("volumes")).contains("./scripts:/scripts:ro", "./backups:/backups");
        List<String> command = (List<String>) backup.get("command");
        assertThat(Files.isExecutable(Path.of(command.get(0).replaceFirst("^/scripts", "scripts")))).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServerArchivesEveryWalSegmentToTheRecoveryVolume() throws IOException {
        Map<String, Object> compose = compose();
        Map<String, Object> postgres = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("postgres");
        List<String> command = (List<String>) postgres.get("command");
        assertThat(command).contains("wal_level=replica", "archive_mode=on",
                "archive_command=test ! -f /pitr/wal/%f && cp %p /pitr/wal/%f");
        assertThat((List<String>) postgres.get("volumes")).contains("pitr:/pitr");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey("pitr");
    }

    private static Map<String, Object> compose() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("docker-compose.yml"))) {
            LoaderOptions strict = new LoaderOptions();
            strict.setAllowDuplicateKeys(false);
            return new Yaml(strict).load(in);
        }
    }
}
