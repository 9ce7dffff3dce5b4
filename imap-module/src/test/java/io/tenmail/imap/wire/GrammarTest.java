package io.tenmail.imap.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrammarTest {

    @Test
    void atomCharsExcludeTheAtomSpecials() {
        for (char c : "(){ %*\"\\]\u007f\u0000\r\n".toCharArray()) {
            assertThat(Grammar.isAtomChar(c)).as("0x%02x", (int) c).isFalse();
        }
        for (char c : "aZ09!#$&'+,-./:;<=>?@[^_`|}~".toCharArray()) {
            assertThat(Grammar.isAtomChar(c)).as("%c", c).isTrue();
        }
        assertThat(Grammar.isAtomChar(0xe9)).isFalse();
    }

    @Test
    void astringAndListCharsExtendAtomChars() {
        assertThat(Grammar.isAstringChar(']')).isTrue();
        assertThat(Grammar.isListChar('%')).isTrue();
        assertThat(Grammar.isListChar('*')).isTrue();
        assertThat(Grammar.isListChar('(')).isFalse();
    }

    @Test
    void tagsAreAstringCharsWithoutPlus() {
        assertThat(Grammar.isTag("A001")).isTrue();
        assertThat(Grammar.isTag("a.b]c")).isTrue();
        assertThat(Grammar.isTag("a+b")).isFalse();
        assertThat(Grammar.isTag("")).isFalse();
        assertThat(Grammar.isTag("a*")).isFalse();
        assertThat(Grammar.isTag("a b")).isFalse();
    }

    @Test
    void textRefusesControls() {
        assertThat(Grammar.isText("LOGIN completed 完成")).isTrue();
        assertThat(Grammar.isText("a\rb")).isFalse();
        assertThat(Grammar.isText("a\tb")).isFalse();
    }
}
