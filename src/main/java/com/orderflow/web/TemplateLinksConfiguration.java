package com.orderflow.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * No rewriting of the links templates write ({@code @{...}}). Spring Boot turns the resource chain on because a
 * webjars locator is on the class path (for Swagger UI), and with it a filter that looks every link up as a
 * static resource in every jar, one class path scan per link: a quarter of the CPU of a portal page. orderflow
 * has no versioned resources and its pages link to no webjar, so the filter never changed a link.
 */
@Configuration(proxyBeanMethods = false)
class TemplateLinksConfiguration {

    /** Registered but disabled: Spring Boot then registers none of its own. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
