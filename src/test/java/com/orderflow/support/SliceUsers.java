package com.orderflow.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.orderflow.shared.Actor;

/** The demo users of the slices, each in their Camunda group; the password is the user id. */
public final class SliceUsers {

    private static final Map<String, String> GROUPS = Map.of(
            "sales1", Actor.SALES,
            "sales2", Actor.SALES,
            "manager1", Actor.SALES_MANAGERS,
            "finance1", Actor.FINANCE,
            "legal1", Actor.LEGAL,
            "admin", Actor.ADMINS);

    private SliceUsers() {
    }

    /** An API call signed in with HTTP Basic, through the application's own chain. */
    public static RequestPostProcessor as(String user) {
        return httpBasic(user, user);
    }

    /** The actor a controller sees for the user. */
    public static Actor actor(String user) {
        return new Actor(user, Set.of(GROUPS.get(user)));
    }

    static List<UserDetails> all() {
        return GROUPS.entrySet().stream()
                .map(e -> User.withUsername(e.getKey()).password("{noop}" + e.getKey()).authorities(e.getValue())
                        .build())
                .toList();
    }
}
