package com.orderflow.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The filters that hold the trust boundaries of the machine APIs, both after Spring Security (they
 * need the signed-in user): cross-site writes on /api and /engine-rest, and the engine's REST API
 * behind its gate on both doors, /engine-rest and the webapps' /camunda/api/engine.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestGuardConfiguration {

    private static final int AFTER_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 10;

    @Bean
    FilterRegistrationBean<CrossSiteWriteFilter> crossSiteWriteFilter(ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new CrossSiteWriteFilter(json));
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(AFTER_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineRestGuard> engineRestGuard(TaskCallChecks checks,
            @Value("${orderflow.api.max-body-bytes:1048576}") long maxBytes, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new EngineRestGuard(checks, maxBytes, json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(AFTER_SECURITY + 1);
        return registration;
    }
}
