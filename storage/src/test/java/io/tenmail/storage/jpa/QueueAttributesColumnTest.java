package io.tenmail.storage.jpa;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueAttributesColumnTest {

    @Test
    void namesAndValuesGoInAsLengthAndTextWithNothingEscaped() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ab", "xyz");
        attributes.put("tenmail.spam.symbols", "SPF_PASS:1, 12:34");

        assertThat(QueueAttributesColumn.encode(attributes)).hasValue("2:ab3:xyz20:tenmail.spam.symbols17:SPF_PASS:1, 12:34");
    }

    @Test
    void whatWasEncodedDecodesToTheSameAttributes() {
        Map<String, String> attributes = Map.of("a", "", "digits:3", "3:abc", "unicode", "渡辺 \uD83D\uDCE7 ü", "newline", "x\r\ny");

        assertThat(QueueAttributesColumn.decode(QueueAttributesColumn.encode(attributes).orElseThrow())).isEqualTo(attributes);
    }

    @Test
    void noAttributesAreTheEmptyString() {
        assertThat(QueueAttributesColumn.encode(Map.of())).hasValue("");
        assertThat(QueueAttributesColumn.decode("")).isEmpty();
    }

    @Test
    void attributesLongerTogetherThanTheColumnDoNotFit() {
        assertThat(QueueAttributesColumn.encode(Map.of("big", "x".repeat(QueueAttributesColumn.MAX_LENGTH)))).isEmpty();
        assertThat(QueueAttributesColumn.encode(Map.of("big", "x".repeat(QueueAttributesColumn.MAX_LENGTH - 20)))).isPresent();
    }

    @Test
    void aDamagedValueIsReportedNotMisread() {
        assertThatThrownBy(() -> QueueAttributesColumn.decode("5:ab")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> QueueAttributesColumn.decode("2:ab")).isInstanceOf(IllegalStateException.class);
    }
}
