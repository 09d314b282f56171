package com.orderflow.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The test JVM's embedded PostgreSQL for a slice that needs only the database (no mail server). */
final class SlicePostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("slice-postgres",
                Map.of("spring.datasource.url", SharedPostgres.jdbcUrl(),
                        "spring.datasource.username", "postgres",
                        "spring.datasource.password", "postgres")));
        SharedPostgres.usedBy(context);
    }
}
