package com.orderflow.support;

import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The application's security configuration in a slice. Its sign-ins come from {@link SliceUsers} (each user's
 * authorities are their Camunda groups, as the engine's users give them); the engine is not there, so the
 * identity service that the API chain hands the login to is a stand-in that records nothing.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SliceSecurity.ApplicationSecurity.class)
class SliceSecurity {

    @Bean
    UserDetailsService sliceUsers() {
        return new InMemoryUserDetailsManager(SliceUsers.all());
    }

    @Bean
    IdentityService identityService() {
        return mock(IdentityService.class);
    }

    /** By name: the configuration is package-private in its module, as it should stay. */
    static class ApplicationSecurity implements ImportSelector {

        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return new String[] { "com.orderflow.security.SecurityConfiguration" };
        }
    }
}
