package com.orderflow.process;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import ch.qos.logback.classic.LoggerContext;

@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

    @Bean
    ResourceConfigCustomizer taskRefusedExceptionMapper() {
        return config -> config.register(TaskRefusedExceptionMapper.ForRest.class)
                .register(TaskRefusedExceptionMapper.ForEngine.class)
                .register(TaskRefusedExceptionMapper.ForRule.class);
    }

    /** Added once the logging system is set up (Spring Boot configures logback before any bean exists). */
    @Bean
    RefusalLogFilter refusalLogFilter() {
        RefusalLogFilter filter = new RefusalLogFilter();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getTurboFilterList().removeIf(RefusalLogFilter.class::isInstance);
            logback.addTurboFilter(filter);
            filter.start();
        }
        return filter;
    }
}
