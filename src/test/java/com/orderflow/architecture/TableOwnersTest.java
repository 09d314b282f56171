package com.orderflow.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static java.util.Map.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * SQL written in Java names only its own module's tables: a query on another module's table is a
 * coupling no import shows. Modules read each other through a published view or function (V12's
 * {@code closed_order_facts}, V13's {@code request_progress}) or through the owner's API. The agreed
 * exceptions are the observers that look across every feature by design: the log context lookups and
 * the domain meters.
 */
class TableOwnersTest {

    static final Map<String, String> OWNERS = Map.ofEntries(entry("sales_order", "order"),
            entry("order_line", "order"), entry("contract", "order"), entry("customer", "order"),
            entry("order_customer_name", "order"),
            entry("invoice", "order"), entry("credit_note", "order"), entry("delivery", "order"),
            entry("delivery_line", "order"), entry("modification_request", "modification"),
            entry("modification_approval", "modification"), entry("field_change", "modification"),
            entry("lifecycle_request", "lifecycle"), entry("order_revision", "revision"),
            entry("audit_event", "audit"), entry("notification", "notification"), entry("report", "report"),
            entry("settlement", "settlement"), entry("closed_order_review", "review"),
            entry("review_finding", "review"), entry("queued_mail", "process"),
            entry("webhook_attempt", "webhook"), entry("webhook_delivery", "webhook"),
            entry("webhook_subscriber", "webhook"));

    static final Map<String, Set<String>> AGREED = Map.of(
            "logging/InstanceLogContexts.java", Set.of("sales_order", "modification_request", "settlement",
                    "lifecycle_request", "closed_order_review", "queued_mail"),
            "logging/PathLogContexts.java", Set.of("sales_order", "modification_request", "settlement"),
            "metrics/domain/DomainCounts.java", Set.of("modification_request", "modification_approval",
                    "settlement", "notification", "audit_event", "closed_order_review"));

    static final Pattern TABLE = Pattern.compile("\\b(?:from|join|into|update)\\s+([a-z_]+)\\b");
    static final Path SOURCES = Path.of("src/main/java/com/orderflow");

    @Test
    void sqlInJavaNamesOnlyItsOwnModulesTables() throws IOException {
        Map<String, Set<String>> foreign = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                String module = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
                Matcher m = TABLE.matcher(Files.readString(file));
                while (m.find()) {
                    String owner = OWNERS.get(m.group(1));
                    if (owner != null && !owner.equals(module)) {
                        foreign.computeIfAbsent(name, k -> new TreeSet<>()).add(m.group(1));
                    }
                }
            }
        }
        assertThat(foreign).as("SQL on another module's tables").isEqualTo(AGREED.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> new TreeSet<>(e.getValue()),
                        (a, b) -> a, TreeMap::new)));
    }
}
