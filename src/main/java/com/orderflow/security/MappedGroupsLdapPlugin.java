package com.orderflow.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;

/**
 * Camunda's LDAP plugin (every setting of it under {@code orderflow.ldap}) with two additions: the mapping
 * of directory groups to orderflow's ({@code groups}) and the attribute that holds a user's language
 * ({@code language-attribute}).
 */
class MappedGroupsLdapPlugin extends LdapIdentityProviderPlugin {

    private Map<String, String> groups = new LinkedHashMap<>();
    private String languageAttribute;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        super.preInit(configuration);
        configuration.setIdentityProviderSessionFactory(new Factory(this, DirectoryGroups.of(groups),
                languageAttribute));
    }

    public Map<String, String> getGroups() {
        return groups;
    }

    public void setGroups(Map<String, String> groups) {
        this.groups = groups;
    }

    public String getLanguageAttribute() {
        return languageAttribute;
    }

    public void setLanguageAttribute(String languageAttribute) {
        this.languageAttribute = languageAttribute;
    }

    private static final class Factory extends LdapIdentityProviderFactory {

        private final DirectoryGroups groups;
        private final String languageAttribute;

        Factory(MappedGroupsLdapPlugin configuration, DirectoryGroups groups, String languageAttribute) {
            setLdapConfiguration(configuration);
            this.groups = groups;
            this.languageAttribute = languageAttribute;
        }

        @Override
        public Session openSession() {
            return new MappedGroupsLdapSession(ldapConfiguration, groups, languageAttribute);
        }
    }
}
