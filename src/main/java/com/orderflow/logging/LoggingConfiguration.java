package com.orderflow.logging;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LoggingConfiguration {

    /**
     * Right after Spring Security: a request refused there never reaches the database for its log context,
     * and everything after (controllers, services, the steps they run) logs with it.
     */
    @Bean
    FilterRegistrationBean<RequestLogContextFilter> requestLogContextFilter(PathLogContexts contexts) {
        var registration = new FilterRegistrationBean<>(new RequestLogContextFilter(contexts));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/api/*", "/orders/*");
        return registration;
    }
}
