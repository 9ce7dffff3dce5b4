package io.tenmail.smtp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XtextTest {

    @Test
    void theRfcExamplesDecode() {
        // RFC 4954 §5 and RFC 3461 §4
        assertThat(Xtext.decode("e+3Dmc2@example.com")).isEqualTo("e=mc2@example.com");
        assertThat(Xtext.decode("QQ314159")).isEqualTo("QQ314159");
        assertThat(Xtext.decode("")).isEmpty();
        assertThat(Xtext.decode("a+2bb")).as("lower-case hex accepted").isEqualTo("a+b");
    }

    @Test
    void everyAsciiCharacterRoundTrips() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 128; c++) all.append(c);
        String encoded = Xtext.encode(all.toString());
        assertThat(encoded).matches("[!-~&&[^=]]*");
        assertThat(Xtext.decode(encoded)).isEqualTo(all.toString());
        assertThat(Xtext.encode("a+b=c d")).isEqualTo("a+2Bb+3Dc+20d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+", "a+2", "a+G0", "a=b", "a b", "\u00e9", "+\u0661\u0661", "\u0000"})
    void invalidXtextIsRefused(String xtext) {
        assertThatThrownBy(() -> Xtext.decode(xtext)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonAsciiHasNoXtextForm() {
        assertThatThrownBy(() -> Xtext.encode("\u00e9")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void utf8AddressXtextDecodesEscapesAndUtf8() {
        // RFC 6533 §3
        assertThat(Xtext.decodeUtf8Address("pel\\x{E9}@example.test")).isEqualTo("pel\u00e9@example.test");
        assertThat(Xtext.decodeUtf8Address("\\x{1F600}x")).isEqualTo("\uD83D\uDE00x");
        assertThat(Xtext.decodeUtf8Address("\u7528\u6237@example.test")).isEqualTo("\u7528\u6237@example.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+b", "a=b", "a\\b", "\\x{}", "\\x{1}", "\\x{1234567}", "\\x{110000}", "\\x{DFFF}", "\\x{E9",
            "\\y{E9}", "a b", "\\x{G1}"})
    void invalidUtf8AddressXtextIsRefused(String text) {
        assertThatThrownBy(() -> Xtext.decodeUtf8Address(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
