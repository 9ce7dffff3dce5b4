package io.tenmail.storage.directory;

import io.tenmail.storage.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedPasswordsTest {
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    private final TestClock clock = TestClock.atSomeMoment();
    private final VerifiedPasswords verified = new VerifiedPasswords(Duration.ofMinutes(5), 3, clock);

    @Test
    void onlyTheVerifiedPasswordOfThatAccountAndStoredHashMatches() {
        verified.verified(1, HASH, "secret");
        assertThat(verified.recentlyVerified(1, HASH, "secret")).isTrue();
        assertThat(verified.recentlyVerified(1, HASH, "Secret")).isFalse();
        assertThat(verified.recentlyVerified(1, HASH, "secret ")).isFalse();
        assertThat(verified.recentlyVerified(1, HASH, "")).isFalse();
        assertThat(verified.recentlyVerified(1, HASH, null)).isFalse();
        assertThat(verified.recentlyVerified(2, HASH, "secret")).as("another account").isFalse();
        assertThat(verified.recentlyVerified(1, HASH + "x", "secret")).as("a new stored hash: the password changed").isFalse();
    }

    @Test
    void theHashAndPasswordCannotBeShiftedIntoEachOther() {
        verified.verified(1, "ab", "c");
        assertThat(verified.recentlyVerified(1, "a", "bc")).isFalse();
        assertThat(verified.recentlyVerified(1, "abc", "")).isFalse();
    }

    @Test
    void passwordsMatchAfterTheSameUnicodeNormalisationAsTheHasher() {
        verified.verified(1, HASH, "caf\u00e9");                     // precomposed é
        assertThat(verified.recentlyVerified(1, HASH, "cafe\u0301")).isTrue();   // e + combining acute
    }

    @Test
    void anEntryExpiresAfterItsTimeToLive() {
        verified.verified(1, HASH, "secret");
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(verified.recentlyVerified(1, HASH, "secret")).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(verified.recentlyVerified(1, HASH, "secret")).isFalse();
        assertThat(verified.size()).as("an expired entry is dropped when looked at").isZero();
    }

    @Test
    void aNewVerificationReplacesTheAccountsEntry() {
        verified.verified(1, HASH, "old");
        verified.verified(1, HASH + "2", "new");
        assertThat(verified.recentlyVerified(1, HASH, "old")).isFalse();
        assertThat(verified.recentlyVerified(1, HASH + "2", "new")).isTrue();
        assertThat(verified.size()).isEqualTo(1);
    }

    @Test
    void forgettingAnAccountDropsItsEntry() {
        verified.verified(1, HASH, "secret");
        verified.forget(1);
        assertThat(verified.recentlyVerified(1, HASH, "secret")).isFalse();
    }

    @Test
    void beyondTheBoundNewEntriesWaitForExpiredOnesToGo() {
        verified.verified(1, HASH, "a");
        verified.verified(2, HASH, "b");
        verified.verified(3, HASH, "c");
        verified.verified(4, HASH, "d");
        assertThat(verified.recentlyVerified(4, HASH, "d")).isFalse();
        assertThat(verified.size()).isEqualTo(3);

        clock.advance(Duration.ofMinutes(5));
        verified.verified(4, HASH, "d");
        assertThat(verified.recentlyVerified(4, HASH, "d")).isTrue();
        assertThat(verified.size()).isEqualTo(1);
    }

    @Test
    void aZeroTimeToLiveRemembersNothing() {
        VerifiedPasswords off = new VerifiedPasswords(Duration.ZERO, 100, clock);
        off.verified(1, HASH, "secret");
        assertThat(off.isEnabled()).isFalse();
        assertThat(off.recentlyVerified(1, HASH, "secret")).isFalse();
        assertThat(VerifiedPasswords.disabled().isEnabled()).isFalse();
    }

    @Test
    void aNegativeTimeToLiveIsRefused() {
        assertThatThrownBy(() -> new VerifiedPasswords(Duration.ofSeconds(-1), 1, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
