package io.tenmail.smtp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyTest {

    @Test
    void aSingleLineReplyCarriesItsEnhancedCode() {
        assertThat(Reply.of(250, "2.1.5", "Recipient OK").render()).isEqualTo("250 2.1.5 Recipient OK\r\n");
    }

    @Test
    void everyLineOfAMultiLineReplyRepeatsTheEnhancedCode() {
        // RFC 2034 §4: "the same status code must appear at the beginning of the text in each line"
        assertThat(Reply.of(550, "5.1.1", "first", "second", "third").render())
                .isEqualTo("550-5.1.1 first\r\n550-5.1.1 second\r\n550 5.1.1 third\r\n");
    }

    @Test
    void aPlainReplyHasNoEnhancedCode() {
        assertThat(Reply.plain(354, "End data with <CR><LF>.<CR><LF>").render())
                .isEqualTo("354 End data with <CR><LF>.<CR><LF>\r\n");
        assertThat(Reply.plain(250, "mx.example.test", "PIPELINING").render())
                .isEqualTo("250-mx.example.test\r\n250 PIPELINING\r\n");
    }

    @Test
    void anEmptyTextStillHasTheSpaceAfterTheCode() {
        // RFC 4954 §4: an empty challenge is "334 "
        assertThat(Reply.plain(334, "").render()).isEqualTo("334 \r\n");
        assertThat(Reply.of(250, "2.0.0", "").render()).isEqualTo("250 2.0.0\r\n");
    }

    @Test
    void statusIsWhatTestsAndLogsCompare() {
        assertThat(Reply.of(550, "5.7.1", "x").status()).isEqualTo("550 5.7.1");
        assertThat(Reply.plain(354, "x").status()).isEqualTo("354");
    }

    @Test
    void theClassOfAReplyFollowsItsFirstDigit() {
        assertThat(Reply.of(250, "2.0.0", "x").isPositive()).isTrue();
        assertThat(Reply.plain(354, "x").isIntermediate()).isTrue();
        assertThat(Reply.of(451, "4.3.0", "x").isTransientFailure()).isTrue();
        assertThat(Reply.of(554, "5.0.0", "x").isPermanentFailure()).isTrue();
        assertThat(Reply.of(554, "5.0.0", "x").isPositive()).isFalse();
    }

    @Test
    void withTextKeepsTheCodes() {
        Reply r = Reply.of(550, "5.1.1", "a").withText("b", "c");
        assertThat(r.code()).isEqualTo(550);
        assertThat(r.enhancedCode()).contains(EnhancedStatusCode.parse("5.1.1"));
        assertThat(r.lines()).containsExactly("b", "c");
    }

    @Test
    void utf8TextIsSentAsUtf8() {
        assertThat(Reply.of(250, "2.1.5", "\u7528\u6237 OK").toBytes())
                .isEqualTo("250 2.1.5 \u7528\u6237 OK\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 199, 160, 600, 260, 299 + 270, 1000, -250})
    void aCodeOutsideRfc5321IsABug(int code) {
        assertThatThrownBy(() -> Reply.plain(code, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEnhancedCodeMustAgreeWithTheReplyCode() {
        assertThatThrownBy(() -> Reply.of(550, "4.1.1", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reply.of(250, "5.0.0", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reply.of(354, "2.0.0", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textMayNotBreakTheLineStructure() {
        assertThatThrownBy(() -> Reply.of(250, "2.0.0", "a\r\n250 forged")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reply.of(250, "2.0.0", "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reply.of(250, "2.0.0", "a\u0000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reply(250, Optional.empty(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Reply.of(250, "2.0.0", "tab\there").render()).isEqualTo("250 2.0.0 tab\there\r\n");
    }

    @Test
    void aReplyLineMayHave512OctetsButNotMore() {
        // RFC 5321 §4.5.3.1.5: "250 2.0.0 " is 10 octets, CRLF 2
        assertThat(Reply.of(250, "2.0.0", "x".repeat(500)).render()).hasSize(512);
        assertThatThrownBy(() -> Reply.of(250, "2.0.0", "x".repeat(501))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reply.plain(250, "\u00e9".repeat(254))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void enhancedStatusCodesParseAndPrint() {
        assertThat(EnhancedStatusCode.parse("5.7.11")).isEqualTo(new EnhancedStatusCode(5, 7, 11)).hasToString("5.7.11");
        assertThat(EnhancedStatusCode.parse("2.999.999").detail()).isEqualTo(999);
        for (String bad : new String[] {"5.1", "5.1.1.1", "3.0.0", "5..1", "5.1.1000", "x.1.1", "5.1.-1", "5.1.1 ", "", "\u0665.1.1"}) {
            assertThatThrownBy(() -> EnhancedStatusCode.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
