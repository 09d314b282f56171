package com.orderflow.security;

import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.orderflow.support.ForkedApp;
import com.orderflow.support.TestInfrastructure;

/**
 * orderflow with the profiles postgres and ldap in a JVM of its own (Camunda's engine registry is static), on a
 * database of its own in the tests' PostgreSQL, so that its engine shares no jobs with the other tests'
 * application, mailing to the tests' SMTP server, and with the test directory's groups mapped onto orderflow's.
 */
final class DirectoryApp {

    private static final String DATABASE = "orderflow_ldap";

    private DirectoryApp() {
    }

    static ForkedApp start(TestDirectory directory) {
        return ForkedApp.start(Path.of("target", "ldap-app"), "--spring.profiles.active=postgres,ldap",
                "--spring.datasource.url=" + freshDatabase(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--spring.mail.host=localhost",
                "--spring.mail.port=" + TestInfrastructure.smtpPort(),
                "--orderflow.ldap.server-url=" + directory.url(), "--orderflow.ldap.base-dn=" + TestDirectory.BASE_DN,
                "--orderflow.ldap.manager-dn=" + TestDirectory.MANAGER_DN,
                "--orderflow.ldap.manager-password=" + TestDirectory.MANAGER_PASSWORD,
                "--orderflow.ldap.groups.sales=" + TestDirectory.SALES_GROUP,
                "--orderflow.ldap.groups.sales-managers=" + TestDirectory.MANAGERS_GROUP,
                "--orderflow.ldap.groups.camunda-admin=" + TestDirectory.ADMINS_GROUP,
                "--orderflow.retry.mail=R30/PT1S", "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000", "--logging.level.root=WARN").awaitHealthy();
    }

    private static String freshDatabase() {
        String shared = TestInfrastructure.jdbcUrl();
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(shared, "postgres", "postgres"));
        jdbc.execute("drop database if exists " + DATABASE);
        jdbc.execute("create database " + DATABASE);
        return shared.replace("/postgres?", "/" + DATABASE + "?");
    }
}
