package com.orderflow.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.orderflow.shared.Actor;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The contract at /v3/api-docs that clients are generated from: who we are, how to sign in, and (through
 * {@link ProblemResponses}) what every operation answers when it fails. The operations themselves are
 * described by annotations on the controllers.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC_AUTH = "basicAuth";

    private static final String DESCRIPTION = """
            orderflow runs the life of a sales order after it is won: orders and their customers, invoices, \
            credit notes and deliveries, modification requests and their approvals, closing, reopening and \
            the periodic review of closed orders.

            **Signing in**: every operation takes HTTP Basic with an orderflow (Camunda) account; what a user \
            may see and do follows their groups (`sales`, `sales-managers`, `finance`, `legal`, `delivery`, \
            `camunda-admin`). An order a user may not see answers 404, as an unknown id does.

            **Errors** are RFC 9457 `application/problem+json` (schema `ProblemDetail`); invalid fields are \
            listed under `errors`.

            **Concurrency**: reading an order answers an `ETag`; changing it needs `If-Match` with that \
            value (428 without it, 412 when someone changed the order since).
            """;

    @Bean
    OpenAPI orderflowOpenApi(ObjectProvider<BuildProperties> build,
            @Value("${orderflow.api.contact-name:orderflow operators}") String contactName,
            @Value("${orderflow.api.contact-email:}") String contactEmail) {
        // The caller comes from the signed-in user, never from the request: not a parameter of the contract.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
        Contact contact = new Contact().name(contactName).email(contactEmail.isBlank() ? null : contactEmail);
        return new OpenAPI()
                .info(new Info().title("orderflow API").version(version(build)).description(DESCRIPTION)
                        .contact(contact))
                .components(new Components()
                        .addSecuritySchemes(BASIC_AUTH, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("An orderflow (Camunda) user id and password")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }

    /** The project's version from the build; a run from an IDE without build info says so. */
    private static String version(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return properties == null ? "development" : properties.getVersion();
    }
}
