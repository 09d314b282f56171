package com.orderflow.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.orderflow.process.AsSystem;
import com.orderflow.shared.DirectoryLanguage;

/**
 * Turns the users and groups of an event into email addresses through Camunda's identity service,
 * one recipient per address, each with their language (user info {@code locale}, e.g. {@code zh-CN}; with users
 * from a directory, the entry's language attribute first).
 */
@Component
class RecipientResolver {

    static final String LOCALE_INFO_KEY = "locale";

    private final IdentityService identity;
    private final Locale defaultLocale;

    RecipientResolver(IdentityService identity, @Value("${orderflow.mail.default-locale:en}") String defaultLocale) {
        this.identity = identity;
        this.defaultLocale = parse(defaultLocale, Locale.ENGLISH);
    }

    List<Recipient> resolve(Collection<String> userIds, Collection<String> groupIds) {
        // The engine checks the signed-in user's authorizations on user queries; a sales rep may not
        // read the approvers, yet their request must still mail them. Look up as the system.
        return AsSystem.call(identity, () -> lookUp(userIds, groupIds));
    }

    private List<Recipient> lookUp(Collection<String> userIds, Collection<String> groupIds) {
        List<User> users = new ArrayList<>();
        if (userIds != null && !userIds.isEmpty()) {
            users.addAll(identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).orderByUserId().asc()
                    .list());
        }
        for (String groupId : sorted(groupIds)) {
            users.addAll(identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list());
        }
        // Keyed by address: one email per mailbox even when a user is named and in a named group.
        Map<String, Recipient> byEmail = new LinkedHashMap<>();
        for (User user : users) {
            String email = user.getEmail() == null ? "" : user.getEmail().trim();
            if (!email.isEmpty()) {
                byEmail.computeIfAbsent(email.toLowerCase(Locale.ROOT),
                        key -> new Recipient(user.getId(), email, localeOf(user)));
            }
        }
        return List.copyOf(byEmail.values());
    }

    /** The directory entry's language (profile ldap) when it has one, else the user info. */
    private Locale localeOf(User user) {
        String tag = user instanceof DirectoryLanguage entry ? entry.languageTag() : null;
        return parse(tag != null && !tag.isBlank() ? tag : identity.getUserInfo(user.getId(), LOCALE_INFO_KEY),
                defaultLocale);
    }

    /** Accepts {@code zh-CN} as well as Java's {@code zh_CN}; anything unreadable falls back. */
    static Locale parse(String tag, Locale fallback) {
        if (tag == null || tag.isBlank()) {
            return fallback;
        }
        Locale locale = Locale.forLanguageTag(tag.trim().replace('_', '-'));
        return locale.getLanguage().isEmpty() ? fallback : locale;
    }

    private static Collection<String> sorted(Collection<String> ids) {
        return ids == null ? List.of() : new TreeSet<>(ids);
    }
}
