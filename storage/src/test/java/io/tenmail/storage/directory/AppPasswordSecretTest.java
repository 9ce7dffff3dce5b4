package io.tenmail.storage.directory;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AppPasswordSecretTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void aSecretIsFourGroupsOfFourLowerCaseLetters() {
        for (int i = 0; i < 100; i++) {
            assertThat(AppPasswordSecret.generate(random)).matches("[a-z]{4} [a-z]{4} [a-z]{4} [a-z]{4}");
        }
    }

    @Test
    void secretsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) assertThat(seen.add(AppPasswordSecret.generate(random))).isTrue();
    }

    @Test
    void spacesAndCaseDoNotMatter() {
        assertThat(AppPasswordSecret.canonical("abcd efgh ijkl mnop")).contains("abcdefghijklmnop");
        assertThat(AppPasswordSecret.canonical("ABCDEFGHIJKLMNOP")).contains("abcdefghijklmnop");
        assertThat(AppPasswordSecret.canonical(" abcd  EFGH ijkl mnop ")).contains("abcdefghijklmnop");
    }

    @Test
    void anythingElseIsNotAnAppPassword() {
        assertThat(AppPasswordSecret.canonical(null)).isEmpty();
        assertThat(AppPasswordSecret.canonical("abcd efgh ijkl mno")).isEmpty();
        assertThat(AppPasswordSecret.canonical("abcd efgh ijkl mnopq")).isEmpty();
        assertThat(AppPasswordSecret.canonical("abcd-efgh-ijkl-mnop")).isEmpty();
        assertThat(AppPasswordSecret.canonical("abcd efgh ijkl mn0p")).isEmpty();
        assertThat(AppPasswordSecret.canonical("\u0130bcd efgh ijkl mnop")).as("only ASCII letters").isEmpty();
    }

    @Test
    void theStoredFormIsTheSha256OfTheLetters() {
        // echo -n abcdefghijklmnop | sha256sum
        assertThat(AppPasswordSecret.hash("abcdefghijklmnop"))
                .isEqualTo("f39dac6cbaba535e2c207cd0cd8f154974223c848f727f98b3564cea569b41cf");
    }
}
