package com.orderflow.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PostgreSQL server that the embedded default ({@code mvn spring-boot:run} without a profile) starts itself:
 * where its data lives, kept across restarts, and the fixed port it listens on (5433, so that it does not collide
 * with a PostgreSQL installed on the usual 5432). The postgres profile turns it off: there the database is the
 * operator's.
 */
@ConfigurationProperties("orderflow.embedded-postgres")
record EmbeddedPostgresProperties(boolean enabled, @DefaultValue("./data/postgres") Path dataDirectory,
        @DefaultValue("5433") int port) {
}
