package com.orderflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentMailFilesTest {

    private static final Instant NOW = Instant.parse("2029-06-01T03:30:00Z");

    @TempDir
    Path mail;

    @Test
    void bodiesOlderThanTheRetentionAreClearedTheRecentOnesKept() throws Exception {
        Path old = sent("old@orderflow.eml", NOW.minus(Duration.ofDays(181)));
        Path recent = sent("recent@orderflow.eml", NOW.minus(Duration.ofDays(179)));
        Path other = sent("notes.txt", NOW.minus(Duration.ofDays(400)));

        new SentMailFiles(mail, Duration.ofDays(180), Clock.fixed(NOW, ZoneOffset.UTC)).clearExpired();

        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(other).as("not an email of the file transport").exists();
    }

    @Test
    void aMissingDirectoryClearsNothing() {
        assertThat(new SentMailFiles(mail.resolve("none"), Duration.ofDays(1), Clock.systemUTC())
                .clearSentBefore(NOW)).isZero();
    }

    private Path sent(String name, Instant writtenAt) throws Exception {
        Path file = Files.writeString(mail.resolve(name), "Subject: test\r\n\r\nbody");
        Files.setLastModifiedTime(file, FileTime.from(writtenAt));
        return file;
    }
}
