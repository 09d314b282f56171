package com.orderflow.process;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

    @Bean
    ResourceConfigCustomizer taskRefusedExceptionMapper() {
        return config -> config.register(TaskRefusedExceptionMapper.ForRest.class)
                .register(TaskRefusedExceptionMapper.ForEngine.class)
                .register(TaskRefusedExceptionMapper.ForRule.class);
    }
}
