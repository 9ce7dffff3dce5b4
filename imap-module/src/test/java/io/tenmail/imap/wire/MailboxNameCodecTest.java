package io.tenmail.imap.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxNameCodecTest {

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource(delimiter = '|', value = {
        // RFC 3501 §5.1.3 example
        "~peter/mail/台北/日本語|~peter/mail/&U,BTFw-/&ZeVnLIqe-",
        "已发送|&XfJT0ZAB-",
        "项目/2026|&mHl27g-/2026",
        "草稿箱|&g0l6P3ux-",
        "垃圾邮件|&V4NXPpCuTvY-",
        "已删除|&XfJSIJZk-",
        "收件箱/工作|&ZTZO9nux-/&XeVPXA-",
        "Entwürfe|Entw&APw-rfe",
        "A&B|A&-B",
        "&|&-",
        "Ü|&ANw-",
        "😀|&2D3eAA-",
        "INBOX|INBOX",
        "a b~c|a b~c",
    })
    void namesRoundTripThroughModifiedUtf7(String name, String wire) {
        assertThat(MailboxNameCodec.encodeUtf7(name)).isEqualTo(wire);
        assertThat(MailboxNameCodec.decodeUtf7(wire)).isEqualTo(name);
        assertThat(MailboxNameCodec.encode(name, false)).isEqualTo(wire);
        assertThat(MailboxNameCodec.decode(wire, false)).isEqualTo(name);
    }

    @Test
    void withUtf8OnNamesTravelAsTheyAre() {
        assertThat(MailboxNameCodec.encode("已发送", true)).isEqualTo("已发送");
        assertThat(MailboxNameCodec.decode("项目/2026", true)).isEqualTo("项目/2026");
        // RFC 6855 §3: '&' is just a character then
        assertThat(MailboxNameCodec.decode("&XfJT0ZAB-", true)).isEqualTo("&XfJT0ZAB-");
        assertThat(MailboxNameCodec.encode("A&B", true)).isEqualTo("A&B");
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {
        "&",                // unterminated
        "a&XfJT0ZAB",       // unterminated run
        "&AGE-",            // printable US-ASCII 'a' encoded
        "&ACY-",            // '&' encoded instead of "&-"
        "&XfJT0ZAB-&U,BTFw-", // adjacent runs that an encoder would have merged
        "&XfJT0ZAB=-",      // '=' padding is not modified BASE64
        "&XfJT0ZA/-",       // '/' instead of ','
        "&XfJT0ZABA-",      // a spare BASE64 character
        "&mHl27h-",         // non-zero spare bits
        "&2D0-",            // lone high surrogate
        "&3gA-",            // lone low surrogate
        "&2D3YPQ-",         // high surrogate followed by a high surrogate
        "&AAA-",            // NUL encoded... is a control, still not printable: see below
        "caf\u00e9",        // raw 8-bit without UTF8=ACCEPT
        "a\tb",             // control character
    })
    void nonCanonicalOrInvalidModifiedUtf7IsRefused(String wire) {
        if (wire.equals("&AAA-")) {
            // U+0000 is not printable ASCII, so it is decodable; MailboxName refuses it later
            assertThat(MailboxNameCodec.decodeUtf7(wire)).isEqualTo("\0");
            return;
        }
        assertThatThrownBy(() -> MailboxNameCodec.decodeUtf7(wire))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Mailbox name ");
    }

    @Test
    void eightBitInputNamesTheRemedy() {
        assertThatThrownBy(() -> MailboxNameCodec.decode("已发送", false))
                .hasMessageContaining("UTF8=ACCEPT");
    }

    @Test
    void runsSeparatedByAnAsciiCharacterAreFine() {
        assertThat(MailboxNameCodec.decodeUtf7("&XfJT0ZAB-/&XfJT0ZAB-")).isEqualTo("已发送/已发送");
        assertThat(MailboxNameCodec.decodeUtf7("&-&-")).isEqualTo("&&");
        assertThat(MailboxNameCodec.decodeUtf7("&XfJT0ZAB-&-")).isEqualTo("已发送&");
    }

    @Test
    void everyBmpCharacterOutsidePrintableAsciiRoundTrips() {
        StringBuilder sb = new StringBuilder();
        for (char c = 0x80; c < 0xd800; c += 97) sb.append(c);
        for (int c = 0xe000; c <= 0xffff; c += 89) sb.append((char) c);
        String name = sb.toString();
        assertThat(MailboxNameCodec.decodeUtf7(MailboxNameCodec.encodeUtf7(name))).isEqualTo(name);
    }
}
