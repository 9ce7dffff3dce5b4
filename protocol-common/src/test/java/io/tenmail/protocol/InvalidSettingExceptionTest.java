package io.tenmail.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidSettingExceptionTest {

    @Test
    void isFoundBehindTheExceptionsThatWrapIt() {
        InvalidSettingException invalid = new InvalidSettingException("tenmail.smtp.max-recipients", "tenmail.smtp.max-recipients must be ...");
        RuntimeException wrapped = new IllegalStateException("bean creation failed", new RuntimeException(invalid));
        assertThat(InvalidSettingException.in(wrapped)).containsSame(invalid);
        assertThat(InvalidSettingException.in(invalid).orElseThrow().key()).isEqualTo("tenmail.smtp.max-recipients");
        assertThat(InvalidSettingException.in(new IllegalStateException("a bug"))).isEmpty();
    }
}
