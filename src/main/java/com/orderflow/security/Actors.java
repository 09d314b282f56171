package com.orderflow.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import com.orderflow.shared.Actor;

/** Turns a Spring Security login (whose authorities are Camunda group ids) into an Actor. */
public final class Actors {

    private Actors() {
    }

    public static Actor of(Authentication authentication) {
        Set<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return new Actor(authentication.getName(), groups);
    }
}
