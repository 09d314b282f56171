package com.orderflow.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Base of the full-app tests: the whole application on a random port against embedded
 * PostgreSQL and GreenMail, driven over HTTP only. All subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "postgres", "it" })
@ContextConfiguration(initializers = TestInfrastructure.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    protected ApiClient as(String user) {
        return new ApiClient(port, user, user);
    }

    protected ApiClient anonymous() {
        return new ApiClient(port, null, null);
    }
}
