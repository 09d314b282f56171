package com.orderflow.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Clears the bodies of sent emails once they are older than {@code orderflow.mail.body-retention}
 * (default P180D), every night. A notification row holds no body (it is rendered from the template
 * when sent), so the rows, the record of who was mailed what and when, stay for good; what holds whole
 * bodies with their attachments is the file transport's .eml files, and those older than the retention
 * are deleted. Over SMTP orderflow keeps no body at all.
 */
@Component
@ConditionalOnProperty(name = "orderflow.mail.transport", havingValue = "file", matchIfMissing = true)
class SentMailFiles {

    private static final Logger log = LoggerFactory.getLogger(SentMailFiles.class);

    private final Path directory;
    private final Duration retention;
    private final Clock clock;

    SentMailFiles(@Value("${orderflow.mail.directory:./data/mail}") Path directory,
            @Value("${orderflow.mail.body-retention:P180D}") Duration retention, Clock clock) {
        this.directory = directory;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(cron = "${orderflow.mail.body-retention-cron:0 30 3 * * *}")
    void clearExpired() {
        int cleared = clearSentBefore(clock.instant().minus(retention));
        if (cleared > 0) {
            log.info("Cleared {} sent email bodies older than {}", cleared, retention);
        }
    }

    /** Deletes the .eml files last written before the cutoff; returns how many. */
    int clearSentBefore(Instant cutoff) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(".eml")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
        int cleared = 0;
        for (Path file : files) {
            try {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                    cleared++;
                }
            } catch (IOException e) {
                log.warn("Sent email {} not cleared: {}", file.getFileName(), e.toString());
            }
        }
        return cleared;
    }
}
