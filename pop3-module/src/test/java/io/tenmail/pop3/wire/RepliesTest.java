package io.tenmail.pop3.wire;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepliesTest {

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    @Test
    void statusLinesCarryTheResponseCodeInBrackets() {
        assertThat(Replies.MAILDROP_IN_USE.line()).startsWith("-ERR [IN-USE] ");
        assertThat(Replies.AUTH_FAILED.line()).startsWith("-ERR [AUTH] ");
        assertThat(Replies.TEMPORARY_FAILURE.line()).startsWith("-ERR [SYS/TEMP] ");
        assertThat(Replies.NOT_ALLOWED.line()).startsWith("-ERR [SYS/PERM] ");
        assertThat(text(Replies.NOOP.bytes())).isEqualTo("+OK\r\n");
    }

    @Test
    void statAndScanLinesHaveTheExactRfcForm() {
        assertThat(Replies.stat(2, 320).line()).isEqualTo("+OK 2 320");
        assertThat(Replies.scanLine(1, 120).line()).isEqualTo("+OK 1 120");
        assertThat(Replies.uniqueIdLine(2, "1700000000.7").line()).isEqualTo("+OK 2 1700000000.7");
    }

    @Test
    void multiLineResponsesAreStuffedAndTerminated() {
        MultiLine lines = new MultiLine(Reply.ok("list"), List.of("1 100", ".odd"));
        assertThat(text(lines.bytes())).isEqualTo("+OK list\r\n1 100\r\n..odd\r\n.\r\n");
        assertThatThrownBy(() -> new MultiLine(Reply.err("no"), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void continuationsAreBase64Only() {
        assertThat(text(new Continuation("").bytes())).isEqualTo("+ \r\n");
        assertThat(text(new Continuation("VXNlcm5hbWU6").bytes())).isEqualTo("+ VXNlcm5hbWU6\r\n");
        assertThatThrownBy(() -> new Continuation("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replyTextMustBePrintableAscii() {
        assertThatThrownBy(() -> Reply.err("bad\r\nINJECTED")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void throttledRepliesRoundTheWaitUpToSeconds() {
        assertThat(Replies.throttled(Duration.ofMillis(1500)).line()).isEqualTo("-ERR [SYS/TEMP] Too many failed logins; try again in 2 seconds");
    }

    @Test
    void unsupportedMechanismsAreNamedOnlyWhenTheyLookLikeMechanisms() {
        assertThat(Replies.unsupportedMechanism("CRAM-MD5").line()).endsWith("mechanism CRAM-MD5");
        assertThat(Replies.unsupportedMechanism("<script>").line()).endsWith("mechanism");
    }

    @Test
    void uniqueIdsAreUidValidityDotUidAndValid() {
        String id = UniqueId.of(4_294_967_295L, 4_294_967_295L);
        assertThat(id).isEqualTo("4294967295.4294967295");
        assertThat(UniqueId.isValid(id)).isTrue();
        assertThat(UniqueId.isValid("with space")).isFalse();
        assertThat(UniqueId.isValid("x".repeat(71))).isFalse();
    }
}
