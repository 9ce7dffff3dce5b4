package io.tenmail.pop3.wire;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Pop3CommandLineTest {

    private static Pop3CommandLine parse(String text) throws MalformedLineException {
        return Pop3CommandLine.parse(InputLine.of(text));
    }

    @Test
    void keywordsAreCaseInsensitiveAndArgumentsSplitAtSpaces() throws Exception {
        Pop3CommandLine line = parse("top 1 10");
        assertThat(line.keyword()).isEqualTo("TOP");
        assertThat(line.arguments()).containsExactly("1", "10");
        assertThat(line.rest()).isEqualTo("1 10");
    }

    @Test
    void aCommandWithoutArgumentsHasNone() throws Exception {
        Pop3CommandLine line = parse("STAT");
        assertThat(line.arguments()).isEmpty();
        assertThat(line.rest()).isEmpty();
        assertThat(line.argument(0)).isNull();
    }

    @Test
    void runsOfSpacesAndATrailingSpaceAreTolerated() throws Exception {
        assertThat(parse("LIST  2 ").arguments()).containsExactly("2");
        assertThat(parse("UIDL ").arguments()).isEmpty();
    }

    @Test
    void passKeepsTheWholeRestIncludingSpaces() throws Exception {
        // RFC 1939 §7: the server may treat spaces in the argument as part of the password
        assertThat(parse("PASS  my secret ").rest()).isEqualTo(" my secret ");
    }

    @Test
    void passAndAuthArgumentsAreMaskedInToString() throws Exception {
        assertThat(parse("PASS hunter2")).hasToString("PASS ***");
        assertThat(parse("AUTH PLAIN AGFsaWNlAHNlY3JldA==")).hasToString("AUTH ***");
        assertThat(parse("AUTH PLAIN")).hasToString("AUTH PLAIN");
        assertThat(parse("RETR 1")).hasToString("RETR 1");
    }

    @Test
    void emptyLinesAndLeadingSpacesAreRefused() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(MalformedLineException.class).hasMessage("empty command");
        assertThatThrownBy(() -> parse(" STAT")).isInstanceOf(MalformedLineException.class);
    }

    @Test
    void controlCharactersAreRefused() {
        assertThatThrownBy(() -> parse("USER a\u0000b")).isInstanceOf(MalformedLineException.class).hasMessageContaining("control");
        assertThatThrownBy(() -> parse("STAT\r")).isInstanceOf(MalformedLineException.class);
    }

    @Test
    void invalidUtf8IsRefused() {
        InputLine line = new InputLine(new byte[] {'U', 'S', 'E', 'R', ' ', (byte) 0xC3}, false);
        assertThatThrownBy(() -> Pop3CommandLine.parse(line)).isInstanceOf(MalformedLineException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void utf8UserNamesAreAccepted() throws Exception {
        assertThat(parse("USER zoë@exämple.test").argument(0)).isEqualTo("zoë@exämple.test");
    }

    @Test
    void commandsLongerThanTheLenientLimitAreRefusedButAuthMayBeLonger() throws Exception {
        String longArgument = "x".repeat(Pop3CommandLine.MAX_COMMAND_OCTETS);
        assertThatThrownBy(() -> parse("USER " + longArgument)).isInstanceOf(MalformedLineException.class).hasMessage("line too long");
        assertThat(parse("AUTH PLAIN " + longArgument).argument(1)).hasSize(Pop3CommandLine.MAX_COMMAND_OCTETS);
        assertThatThrownBy(() -> Pop3CommandLine.parse(InputLine.TOO_LONG)).hasMessage("line too long");
    }

    @Test
    void absurdlyLongKeywordsAreUnknownWithoutEchoing() {
        assertThatThrownBy(() -> parse("X".repeat(100))).isInstanceOf(MalformedLineException.class).hasMessage("unknown command");
    }

    @Test
    void messageNumbersAreDecimalAndHugeOnesMeanNoSuchMessage() throws Exception {
        assertThat(Pop3CommandLine.messageNumber("7")).isEqualTo(7);
        assertThat(Pop3CommandLine.messageNumber("0007")).isEqualTo(7);
        assertThat(Pop3CommandLine.messageNumber("0")).isZero();
        assertThat(Pop3CommandLine.messageNumber("99999999999999999999999999")).isEqualTo(Long.MAX_VALUE);
        assertThat(Pop3CommandLine.messageNumber("999999999")).isEqualTo(999_999_999L);
        assertThat(Pop3CommandLine.messageNumber("1000000000")).isEqualTo(Long.MAX_VALUE);
        for (String bad : new String[] {"-1", "+1", "1a", "one", "", "1.0"}) {
            assertThatThrownBy(() -> Pop3CommandLine.messageNumber(bad)).as(bad).isInstanceOf(MalformedLineException.class);
        }
        assertThatThrownBy(() -> Pop3CommandLine.messageNumber(null)).isInstanceOf(MalformedLineException.class);
    }

    @Test
    void lineCountsAreNonNegative() throws Exception {
        assertThat(Pop3CommandLine.lineCount("0")).isZero();
        assertThat(Pop3CommandLine.lineCount("12")).isEqualTo(12);
        assertThatThrownBy(() -> Pop3CommandLine.lineCount("-1")).hasMessage("line count must be a non-negative number");
    }

    @Test
    void argumentCountsAreChecked() throws Exception {
        assertThatThrownBy(() -> parse("STAT 1").requireAtMost(0)).hasMessage("STAT takes no arguments");
        assertThatThrownBy(() -> parse("LIST 1 2").requireAtMost(1)).hasMessage("too many arguments for LIST");
        assertThatThrownBy(() -> parse("RETR").requireAtLeast(1, "a message number")).hasMessage("RETR needs a message number");
    }

    @Test
    void onlyLetterKeywordsArePrintable() throws Exception {
        assertThat(parse("FOO").keywordIsPrintable()).isTrue();
        assertThat(parse("F{}O").keywordIsPrintable()).isFalse();
    }
}
