package com.orderflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orderflow.shared.Actor;

/**
 * Two chains: the machine APIs (/api, /engine-rest, actuator, OpenAPI) take HTTP Basic and answer
 * problem+json; the browser side signs in with a form. Camunda's webapps keep their own login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService, ObjectMapper json,
            @Value("${orderflow.ldap.enabled:false}") boolean directoryUsers) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers(json);
        // Path patterns, not MVC matchers: /engine-rest is served by Jersey, outside Spring MVC.
        var paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/engine-rest/**"),
                        paths.matcher("/actuator/**"), paths.matcher("/v3/api-docs/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"))
                        .permitAll()
                        // Metrics tell the business's volumes and the engine's state: admins and monitoring only.
                        .requestMatchers(paths.matcher("/actuator/prometheus"))
                        .hasAnyAuthority(Actor.ADMINS, GroupPermissions.MONITORING)
                        .anyRequest().access(signedIn(directoryUsers)))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic-auth API: no cookies to forge, so no CSRF token.
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new CamundaAuthenticationFilter(identityService), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Who may go on once signed in. With users from a directory (profile ldap) everyone there can sign in, but
     * only members of a group mapped to one of orderflow's may use it: the others get 403.
     */
    private static AuthorizationManager<RequestAuthorizationContext> signedIn(boolean directoryUsers) {
        return directoryUsers
                ? AuthorityAuthorizationManager.hasAnyAuthority(
                        DirectoryGroups.orderflowGroups().toArray(String[]::new))
                : AuthenticatedAuthorizationManager.authenticated();
    }

    /** A request the firewall refuses (e.g. {@code ..} in the path) gets a 400 problem, like any bad input. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return new ProblemSecurityHandlers(json);
    }

    /**
     * The portal: a session signed in through our own bilingual form at /login, CSRF tokens on every
     * form, a 403 page instead of a bare status. Camunda's webapps keep their own login and CSRF.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, @Value("${orderflow.ldap.enabled:false}") boolean directoryUsers)
            throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(auth -> auth
                        // Camunda Tasklist, Cockpit and Admin authenticate against the same users themselves.
                        .requestMatchers(paths.matcher("/camunda/**"), paths.matcher("/login"), paths.matcher("/error"),
                                paths.matcher("/denied"), paths.matcher("/portal/**"), paths.matcher("/favicon.ico"))
                        .permitAll()
                        .anyRequest().access(signedIn(directoryUsers)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(paths.matcher("/camunda/**")))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(e -> e.accessDeniedPage("/denied"))
                .httpBasic(Customizer.withDefaults());
        return http.build();
    }
}
