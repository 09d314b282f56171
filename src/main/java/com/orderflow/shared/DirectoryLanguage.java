package com.orderflow.shared;

/**
 * A user whose language of emails comes from their directory entry (profile ldap), e.g. {@code zh-CN} from
 * {@code preferredLanguage}; {@code null} when the entry has none.
 */
public interface DirectoryLanguage {

    String languageTag();
}
