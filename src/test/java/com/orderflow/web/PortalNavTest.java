package com.orderflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.orderflow.support.MutableClock;

/** The header's count of waiting tasks: read again only once its time to live has passed. */
class PortalNavTest {

    private static final Duration TTL = Duration.ofSeconds(10);

    private final TaskService tasks = mock(TaskService.class, RETURNS_DEEP_STUBS);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final PortalNav nav = new PortalNav(tasks, clock, TTL);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theCountOfAGroupSetIsReadOncePerTimeToLive() {
        when(tasks.createTaskQuery().taskCandidateGroupIn(anyList()).active().count()).thenReturn(3L, 5L);
        signIn("manager1", "sales-managers", "legal");
        assertThat(nav.waitingTasks()).isEqualTo(3);
        clock.advance(TTL.minusMillis(1));
        // Another user of the same groups, in another order, shares the count.
        signIn("manager2", "legal", "sales-managers");
        assertThat(nav.waitingTasks()).isEqualTo(3);

        clock.advance(Duration.ofMillis(1));
        assertThat(nav.waitingTasks()).isEqualTo(5);
        verify(tasks.createTaskQuery().taskCandidateGroupIn(List.of("legal", "sales-managers")).active(), times(2))
                .count();
    }

    @Test
    void nobodyOrNoGroupWaitsForNothing() {
        assertThat(nav.waitingTasks()).isZero();
        signIn("loner");
        assertThat(nav.waitingTasks()).isZero();
    }

    private static void signIn(String user, String... groups) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                null, java.util.Arrays.stream(groups).map(SimpleGrantedAuthority::new).toList()));
    }
}
