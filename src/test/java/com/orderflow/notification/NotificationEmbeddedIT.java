package com.orderflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.orderflow.OrderflowApplication;

/** The embedded default (H2, mail as .eml files): the migration runs on H2 and a resend overwrites its file. */
class NotificationEmbeddedIT {

    @Test
    void mailIsWrittenAsOneEmlFilePerRecipientNamedByMessageId(@TempDir Path data) throws Exception {
        Path mail = data.resolve("mail");
        // Command-line arguments, since builder properties are only defaults that application.yml overrides.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(OrderflowApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("orderflow").toAbsolutePath(),
                "--orderflow.mail.directory=" + mail.toAbsolutePath())) {
            MailEvent event = new MailEvent("h2-order-1-closed", 1L, null, "order-closed", Set.of("sales1"),
                    Set.of("finance"), Map.of("orderNumber", "SO-2026-000001", "closedBy", "sales1"), null);
            NotificationService notifications = app.getBean(NotificationService.class);

            notifications.notify(event);
            notifications.notify(event);

            List<Notification> rows = app.getBean(NotificationRepository.class)
                    .findByEventKeyOrderByIdAsc("h2-order-1-closed");
            assertThat(rows).extracting(Notification::getRecipientUserId).containsExactly("sales1", "finance1");
            assertThat(rows).allSatisfy(n -> assertThat(n.getState()).isEqualTo(NotificationState.SENT));
            List<Path> files = files(mail);
            assertThat(files).hasSize(2);
            for (Path file : files) {
                MimeMessage message = read(file);
                assertThat(rows).extracting(Notification::getMessageId).contains(message.getMessageID());
                assertThat(message.getSubject()).isEqualTo("[orderflow] Order SO-2026-000001 closed");
            }
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".eml")).toList();
        }
    }

    private static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new java.util.Properties()), in);
        }
    }
}
