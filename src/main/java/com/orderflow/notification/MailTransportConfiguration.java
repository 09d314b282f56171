package com.orderflow.notification;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * {@code orderflow.mail.transport=file} (embedded default) writes .eml files; {@code smtp} uses
 * Spring Boot's JavaMailSender configured by the standard spring.mail.* properties.
 */
@Configuration(proxyBeanMethods = false)
class MailTransportConfiguration {

    @Bean
    @ConditionalOnProperty(name = "orderflow.mail.transport", havingValue = "file", matchIfMissing = true)
    JavaMailSender emlFileMailSender(@Value("${orderflow.mail.directory:./data/mail}") Path directory) {
        return new EmlFileMailSender(directory);
    }
}
