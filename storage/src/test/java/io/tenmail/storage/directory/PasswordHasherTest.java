package io.tenmail.storage.directory;

import io.tenmail.storage.directory.PasswordHasher.Parameters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHasherTest {
    // cheap parameters keep most tests fast; the OWASP default is checked on its own
    private final PasswordHasher cheap = new PasswordHasher(new Parameters(1024, 1, 1));

    @Test
    void theDefaultIsAtLeastTheOwaspMinimum() {
        Parameters p = PasswordHasher.owaspMinimum().parameters();
        assertThat(p.memoryKiB()).isGreaterThanOrEqualTo(19 * 1024);
        assertThat(p.iterations()).isGreaterThanOrEqualTo(2);
        assertThat(p.parallelism()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aHashIsAnArgon2idPhcStringWithTheDefaultParameters() {
        PasswordHasher hasher = PasswordHasher.owaspMinimum();
        String hash = hasher.hash("correct horse");
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.verify("correct horsE", hash)).isFalse();
    }

    @Test
    void hashesMadeByTheReferenceImplementationVerify() {
        // produced by the reference argon2 command-line tool (Debian package argon2):
        //   echo -n "correct horse" | argon2 tenmailsalt1234 -id -t 2 -k 19456 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=19456,t=2,p=1$dGVubWFpbHNhbHQxMjM0$10tS6GQR47ug5b7bWVM7WHMFLukx5nOzu0kqXzQcI/8";
        assertThat(cheap.verify("correct horse", reference)).isTrue();
        assertThat(cheap.verify("correct horse ", reference)).isFalse();
        // printf 'p\xc3\xa4ssw\xc3\xb6rd' | argon2 saltsaltsaltsalt -id -t 3 -k 8192 -p 2 -l 32 -e
        String utf8 = "$argon2id$v=19$m=8192,t=3,p=2$c2FsdHNhbHRzYWx0c2FsdA$vtQMdOKMxd6YoeJM++rYI6W5OYyCQTWw7d9JDA+WNQ0";
        assertThat(cheap.verify("p\u00e4ssw\u00f6rd", utf8)).isTrue();
        assertThat(cheap.verify("pa\u0308ssw\u00f6rd", utf8)).as("decomposed input is normalised to NFC").isTrue();
    }

    @Test
    void everyHashHasItsOwnSalt() {
        assertThat(cheap.hash("same")).isNotEqualTo(cheap.hash("same"));
    }

    @Test
    void malformedHashesNeverMatch() {
        assertThat(cheap.verify("x", null)).isFalse();
        assertThat(cheap.verify("x", "")).isFalse();
        assertThat(cheap.verify("x", "plain-text")).isFalse();
        assertThat(cheap.verify("x", "$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG")).isFalse();
        assertThat(cheap.verify("x", "$argon2id$v=19$m=999999999,t=1,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG")).isFalse();
    }

    @Test
    void weakerOrForeignHashesNeedARehash() {
        PasswordHasher strong = new PasswordHasher(new Parameters(2048, 2, 1));
        assertThat(strong.needsRehash(cheap.hash("pw"))).isTrue();
        assertThat(strong.needsRehash(strong.hash("pw"))).isFalse();
        assertThat(cheap.needsRehash(strong.hash("pw"))).as("stronger than required is fine").isFalse();
        assertThat(strong.needsRehash("{SSHA}abcdef")).isTrue();
    }

    @Test
    void verifyingNothingIsAlwaysFalse() {
        assertThat(cheap.verifyNothing("anything")).isFalse();
        assertThat(cheap.verifyNothing(null)).isFalse();
    }

    @Test
    void parametersBelowTheRfcMinimumAreRefused() {
        assertThatThrownBy(() -> new Parameters(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Parameters(1024, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Parameters(1024, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
