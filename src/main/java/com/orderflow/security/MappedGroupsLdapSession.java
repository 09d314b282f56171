package com.orderflow.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.SearchResult;

import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserEntity;

/**
 * Camunda's read-only LDAP provider, seen through orderflow's group ids: a directory group found in a search
 * takes the id of the orderflow group it is mapped to, a query for an orderflow group searches for its
 * directory group, and unmapped directory groups are left out of every answer. So Tasklist, the engine's
 * candidate groups and authorizations, and orderflow's own checks all see {@code sales-managers}, whatever
 * the directory calls it. Users carry the language attribute of their entry.
 */
class MappedGroupsLdapSession extends LdapIdentityProviderSession {

    /** Matches no entry: the filter for a query on a group that is not mapped. */
    private static final String NO_ENTRY = "(!(objectClass=*))";
    /** Marks a directory group without an orderflow id; such ids contain a colon, orderflow's never do. */
    private static final String UNMAPPED = "unmapped:";

    private final DirectoryGroups groups;
    private final String languageAttribute;

    MappedGroupsLdapSession(LdapConfiguration configuration, DirectoryGroups groups, String languageAttribute) {
        super(configuration);
        this.groups = groups;
        this.languageAttribute = languageAttribute;
    }

    @Override
    protected GroupEntity transformGroup(SearchResult result) {
        GroupEntity group = super.transformGroup(result);
        if (group.getId() != null) {
            group.setId(groups.groupOf(group.getId()).orElse(UNMAPPED + group.getId()));
        }
        return group;
    }

    /** Unmapped groups are neither counted nor returned (the pages of a query stay right). */
    @Override
    protected boolean isAuthorizedToReadGroup(String groupId) {
        return groups.isMapped(groupId) && super.isAuthorizedToReadGroup(groupId);
    }

    /** The query names orderflow ids; the directory is searched for the groups they are mapped to. */
    @Override
    protected String getGroupSearchFilter(LdapGroupQuery query) {
        LdapGroupQuery directory = new LdapGroupQuery();
        if (query.getId() != null) {
            Optional<String> id = groups.directoryIdOf(query.getId());
            if (id.isEmpty()) {
                return NO_ENTRY;
            }
            directory.groupId(escapeLDAPSearchFilter(id.get()));
        }
        if (query.getIds() != null && query.getIds().length > 0) {
            String[] ids = Arrays.stream(query.getIds()).map(groups::directoryIdOf).flatMap(Optional::stream)
                    .map(this::escapeLDAPSearchFilter).toArray(String[]::new);
            if (ids.length == 0) {
                return NO_ENTRY;
            }
            directory.groupIdIn(ids);
        }
        if (query.getName() != null) {
            directory.groupName(query.getName());
        }
        if (query.getNameLike() != null) {
            directory.groupNameLike(query.getNameLike());
        }
        if (query.getUserId() != null) {
            directory.groupMember(query.getUserId());
        }
        return super.getGroupSearchFilter(directory);
    }

    @Override
    protected UserEntity transformUser(SearchResult result) {
        LdapUserEntity entry = (LdapUserEntity) super.transformUser(result);
        return new DirectoryUser(entry, language(result));
    }

    private String language(SearchResult result) {
        if (languageAttribute == null || languageAttribute.isBlank()) {
            return null;
        }
        Attribute attribute = result.getAttributes().get(languageAttribute);
        try {
            return attribute == null ? null : Objects.toString(attribute.get(), null);
        } catch (NamingException e) {
            throw new IdentityProviderException("Could not read " + languageAttribute + " of "
                    + result.getNameInNamespace(), e);
        }
    }
}
