package com.orderflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import com.orderflow.support.MutableClock;

/** Logins against Camunda's users, and how long a checked one is taken as checked. */
class CamundaIdentityAuthenticationProviderTest {

    private static final Duration TTL = Duration.ofMinutes(1);

    private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private CamundaIdentityAuthenticationProvider provider;

    @BeforeEach
    void salesOneWithThePasswordSecret() {
        when(identity.checkPassword("sales1", "secret")).thenReturn(true);
        Group sales = mock(Group.class);
        when(sales.getId()).thenReturn("sales");
        when(identity.createGroupQuery().groupMember("sales1").list()).thenReturn(List.of(sales));
        provider = new CamundaIdentityAuthenticationProvider(identity, new VerifiedLogins(TTL, clock));
    }

    @Test
    void aLoginCheckedWithinTheTtlIsNotCheckedAgain() {
        assertThat(groups(provider.authenticate(login("sales1", "secret")))).containsExactly("sales");
        clock.advance(TTL.minusSeconds(1));
        assertThat(groups(provider.authenticate(login("sales1", "secret")))).containsExactly("sales");

        verify(identity, times(1)).checkPassword("sales1", "secret");
    }

    @Test
    void afterTheTtlTheUserStoreDecidesAgain() {
        provider.authenticate(login("sales1", "secret"));
        // The password changed in the meantime.
        when(identity.checkPassword("sales1", "secret")).thenReturn(false);
        clock.advance(TTL);

        assertThatThrownBy(() -> provider.authenticate(login("sales1", "secret")))
                .isInstanceOf(BadCredentialsException.class);
        verify(identity, times(2)).checkPassword("sales1", "secret");
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedSoThatItCountsTowardsTheLockOut() {
        provider.authenticate(login("sales1", "secret"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> provider.authenticate(login("sales1", "secret2")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> provider.authenticate(login("sales2", "secret")))
                .isInstanceOf(BadCredentialsException.class);

        verify(identity, times(3)).checkPassword("sales1", "secret2");
        verify(identity, times(1)).checkPassword("sales2", "secret");
    }

    @Test
    void aTtlOfZeroChecksEveryLogin() {
        provider = new CamundaIdentityAuthenticationProvider(identity, new VerifiedLogins(Duration.ZERO, clock));
        provider.authenticate(login("sales1", "secret"));
        provider.authenticate(login("sales1", "secret"));

        verify(identity, times(2)).checkPassword("sales1", "secret");
    }

    @Test
    void pastTheBoundOnlyLoginsStillValidAreKept() {
        VerifiedLogins logins = new VerifiedLogins(TTL, clock);
        logins.remember("early", "pw", List.of());
        clock.advance(TTL);
        for (int i = 0; i < VerifiedLogins.MAX_ENTRIES - 1; i++) {
            logins.remember("user" + i, "pw", List.of());
        }
        logins.remember("late", "pw", List.of());

        assertThat(logins.recall("early", "pw")).isEmpty();
        assertThat(logins.recall("late", "pw")).isPresent();
        assertThat(logins.recall("user0", "pw")).isPresent();
    }

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    private static List<String> groups(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
