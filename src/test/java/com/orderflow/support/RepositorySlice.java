package com.orderflow.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.data.repository.config.BootstrapMode;
import org.springframework.test.context.ContextConfiguration;

/**
 * A repository slice on the tests' embedded PostgreSQL (never an in-memory stand-in): JPA, JDBC and the Flyway
 * schema, each test in a transaction that is rolled back. Only the repositories a test uses are set up (lazy
 * bootstrap): the full-app tests still check every repository's queries at start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DataJpaTest(bootstrapMode = BootstrapMode.LAZY)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = SlicePostgres.class)
public @interface RepositorySlice {
}
