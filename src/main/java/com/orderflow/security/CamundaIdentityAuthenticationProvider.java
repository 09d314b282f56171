package com.orderflow.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks logins against Camunda's users, so the API, the portal and Tasklist share one set of accounts. A login
 * checked in the last {@code orderflow.security.verified-login-ttl} is taken as checked ({@link VerifiedLogins}).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final VerifiedLogins verified;

    @Autowired
    CamundaIdentityAuthenticationProvider(IdentityService identityService,
            @Value("${orderflow.security.verified-login-ttl:PT1M}") Duration verifiedLoginTtl) {
        this(identityService, new VerifiedLogins(verifiedLoginTtl, Clock.systemUTC()));
    }

    CamundaIdentityAuthenticationProvider(IdentityService identityService, VerifiedLogins verified) {
        this.identityService = identityService;
        this.verified = verified;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        String password = credentials.toString();
        List<GrantedAuthority> groups = verified.recall(userId, password).orElseGet(() -> {
            if (!passwordMatches(userId, password)) {
                throw new BadCredentialsException("Wrong user name or password");
            }
            List<GrantedAuthority> memberOf = identityService.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
            verified.remember(userId, password, memberOf);
            return memberOf;
        });
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups);
    }

    /** A directory that cannot be reached (profile ldap) is the server's trouble, not a wrong password. */
    private boolean passwordMatches(String userId, String password) {
        try {
            return identityService.checkPassword(userId, password);
        } catch (ProcessEngineException unreachable) {
            throw new AuthenticationServiceException("The user directory did not answer", unreachable);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
