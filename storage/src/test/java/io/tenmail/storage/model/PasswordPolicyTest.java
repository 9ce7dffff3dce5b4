package io.tenmail.storage.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {
    @Test
    void lengthIsCountedInCharactersNotBytesOrUtf16Units() {
        PasswordPolicy p = new PasswordPolicy(4, 1);
        assertThat(p.problem("😀😀😀")).isPresent();   // three code points, six UTF-16 units
        assertThat(p.problem("密码密码")).isEmpty();
    }

    @Test
    void classesAreLowerUpperDigitsAndEverythingElse() {
        PasswordPolicy p = new PasswordPolicy(1, 3);
        assertThat(p.problem("abcdef")).hasValueSatisfying(m -> assertThat(m).startsWith("must mix at least 3"));
        assertThat(p.problem("abcDEF")).isPresent();
        assertThat(p.problem("abcDEF1")).isEmpty();
        assertThat(p.problem("abc-1")).isEmpty();
        assertThat(new PasswordPolicy(1, 4).problem("aB1 ")).isEmpty();
    }

    @Test
    void aTenantPolicyOnlyTightens() {
        PasswordPolicy platform = new PasswordPolicy(8, 2);
        assertThat(platform.tightenedBy(new PasswordPolicy(6, 3))).isEqualTo(new PasswordPolicy(8, 3));
        assertThat(platform.isTightenedBy(new PasswordPolicy(8, 2))).isTrue();
        assertThat(platform.isTightenedBy(new PasswordPolicy(12, 1))).isFalse();
    }

    @Test
    void outOfRangeValuesAreRefused() {
        assertThatThrownBy(() -> new PasswordPolicy(0, 1)).hasMessageContaining("minLength");
        assertThatThrownBy(() -> new PasswordPolicy(8, 5)).hasMessageContaining("minClasses");
    }
}
