package com.orderflow.security;

import org.camunda.bpm.identity.impl.ldap.LdapUserEntity;

import com.orderflow.shared.DirectoryLanguage;

/** A user read from the directory, with the language of their emails from their entry. */
class DirectoryUser extends LdapUserEntity implements DirectoryLanguage {

    private static final long serialVersionUID = 1L;

    private final String languageTag;

    DirectoryUser(LdapUserEntity entry, String languageTag) {
        setDn(entry.getDn());
        setId(entry.getId());
        setFirstName(entry.getFirstName());
        setLastName(entry.getLastName());
        setEmail(entry.getEmail());
        this.languageTag = languageTag;
    }

    @Override
    public String languageTag() {
        return languageTag;
    }
}
