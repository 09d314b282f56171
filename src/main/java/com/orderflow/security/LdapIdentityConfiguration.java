package com.orderflow.security;

import org.camunda.bpm.engine.impl.plugin.AdministratorAuthorizationPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.orderflow.shared.Actor;

/**
 * Profile ldap: users, passwords and group memberships come from a directory through Camunda's LDAP plugin,
 * read-only. The engine, Tasklist, the API and the portal all ask the same provider, so one login works
 * everywhere. orderflow's authorizations are still made for its own group ids ({@link GroupPermissions});
 * the directory's groups are mapped onto those ids ({@link DirectoryGroups}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderflow.ldap.enabled", havingValue = "true")
class LdapIdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LdapIdentityConfiguration.class);

    /** The Camunda starter's bean that creates the first admin user, which a read-only directory cannot take. */
    static final String CREATE_ADMIN_USER_BEAN = "createAdminUserConfiguration";

    @Bean
    @ConfigurationProperties(prefix = "orderflow.ldap")
    MappedGroupsLdapPlugin ldapIdentityProviderPlugin() {
        return new MappedGroupsLdapPlugin();
    }

    /** Directory members of the group mapped to camunda-admin hold every permission, as the starter's admin did. */
    @Bean
    AdministratorAuthorizationPlugin administratorAuthorizationPlugin() {
        AdministratorAuthorizationPlugin plugin = new AdministratorAuthorizationPlugin();
        plugin.setAdministratorGroupName(Actor.ADMINS);
        return plugin;
    }

    /**
     * Administrators are the directory's members of the admin group, so the starter's first admin
     * ({@code camunda.bpm.admin-user}) is not created: it would be written into the read-only provider.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor noAdminUserCreation() {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                if (registry.containsBeanDefinition(CREATE_ADMIN_USER_BEAN)) {
                    registry.removeBeanDefinition(CREATE_ADMIN_USER_BEAN);
                    log.info("Users come from the directory: no admin user is created");
                }
            }
        };
    }
}
