package com.orderflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One real PostgreSQL 17 and one real SMTP server (GreenMail) per test JVM, shared by every
 * full-app test, so the Spring context is built once and cached.
 */
public final class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail smtp;
    private static int smtpPort;
    private static final java.util.List<jakarta.mail.internet.MimeMessage> receivedByStoppedServers =
            new java.util.ArrayList<>();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-infrastructure",
                Map.of("spring.datasource.url", jdbcUrl(),
                        "spring.datasource.username", "postgres",
                        "spring.datasource.password", "postgres",
                        "spring.mail.host", "localhost",
                        "spring.mail.port", smtpPort())));
        SharedPostgres.usedBy(context);
    }

    public static String jdbcUrl() {
        return SharedPostgres.jdbcUrl();
    }

    public static synchronized int smtpPort() {
        if (smtp == null) {
            smtpPort = freePort();
            startSmtp();
        }
        return smtpPort;
    }

    public static synchronized GreenMail smtp() {
        smtpPort();
        return smtp;
    }

    /** Simulates an SMTP outage; {@link #startSmtp()} brings it back on the same port. */
    public static synchronized void stopSmtp() {
        // stop() swaps in empty stores; the old ones keep what was delivered up to the last moment.
        var delivered = smtp.getManagers().getImapHostManager();
        smtp.stop();
        delivered.getAllMessages().forEach(m -> receivedByStoppedServers.add(m.getMimeMessage()));
    }

    /** Every message received since the JVM started, across SMTP restarts. */
    public static synchronized java.util.List<jakarta.mail.internet.MimeMessage> allReceivedMessages() {
        var all = new java.util.ArrayList<>(receivedByStoppedServers);
        all.addAll(java.util.Arrays.asList(smtp().getReceivedMessages()));
        return all;
    }

    public static synchronized void startSmtp() {
        smtp = new NoDelayGreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
