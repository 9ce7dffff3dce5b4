package io.tenmail.admin.api.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSessionsTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final ConsoleSessions sessions = new ConsoleSessions(Duration.ofMinutes(30), Duration.ofHours(12), 3, clock);

    @Test
    void aSessionIsFoundByItsIdUntilLogout() {
        ConsoleSessions.Session s = sessions.open(AdminPrincipal.PLATFORM);
        assertThat(s.id()).hasSize(43).isNotEqualTo(s.csrfToken());
        assertThat(sessions.find(s.id())).contains(s);
        sessions.close(s.id());
        assertThat(sessions.find(s.id())).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("made-up")).isEmpty();
    }

    @Test
    void aSessionEndsAfterItsIdleTimeButUseKeepsItAlive() {
        ConsoleSessions.Session s = sessions.open(AdminPrincipal.PLATFORM);
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void aSessionEndsAtItsMaximumAgeHoweverBusy() {
        ConsoleSessions.Session s = sessions.open(AdminPrincipal.PLATFORM);
        for (int i = 0; i < 12 * 4 - 1; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(15));
            assertThat(sessions.find(s.id())).as("after %d min", (i + 1) * 15).isPresent();
        }
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void pastTheLimitTheLeastRecentlyUsedSessionIsDropped() {
        ConsoleSessions.Session a = sessions.open(AdminPrincipal.PLATFORM);
        ConsoleSessions.Session b = sessions.open(AdminPrincipal.PLATFORM);
        ConsoleSessions.Session c = sessions.open(AdminPrincipal.PLATFORM);
        assertThat(sessions.find(a.id())).isPresent();   // a is now the most recently used
        ConsoleSessions.Session d = sessions.open(AdminPrincipal.PLATFORM);
        assertThat(sessions.find(b.id())).isEmpty();
        assertThat(sessions.find(a.id())).isPresent();
        assertThat(sessions.find(c.id())).isPresent();
        assertThat(sessions.find(d.id())).isPresent();
    }

    @Test
    void theCsrfTokenMustMatchExactly() {
        ConsoleSessions.Session s = sessions.open(AdminPrincipal.PLATFORM);
        assertThat(ConsoleSessions.csrfMatches(s, s.csrfToken())).isTrue();
        assertThat(ConsoleSessions.csrfMatches(s, " " + s.csrfToken() + " ")).isTrue();
        assertThat(ConsoleSessions.csrfMatches(s, s.csrfToken().substring(1))).isFalse();
        assertThat(ConsoleSessions.csrfMatches(s, null)).isFalse();
        assertThat(ConsoleSessions.csrfMatches(s, "")).isFalse();
    }

    @Test
    void aTokenRoleIsCappedByItsOwnersCurrentRole() {
        assertThat(Role.DOMAIN_ADMIN.atMost(Role.USER)).isEqualTo(Role.USER);
        assertThat(Role.USER.atMost(Role.DOMAIN_ADMIN)).isEqualTo(Role.USER);
        assertThat(Role.DOMAIN_ADMIN.atMost(Role.PLATFORM_ADMIN)).isEqualTo(Role.DOMAIN_ADMIN);
        assertThat(Role.parse("nonsense")).isEqualTo(Role.USER);
        assertThat(Optional.of(Role.parse("DOMAIN_ADMIN"))).contains(Role.DOMAIN_ADMIN);
    }
}
