package io.tenmail.smtp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxTest {

    @Test
    void parseReadsTheRfcGrammar() throws Exception {
        assertThat(Mailbox.parse("Smith@bar.com")).isEqualTo(new Mailbox("Smith", "bar.com"));
        assertThat(Mailbox.parse("\"john doe\"@example.test").localPart()).isEqualTo("john doe");
        assertThat(Mailbox.parse("a@[192.0.2.1]").addressLiteral()).contains(InetAddress.getByName("192.0.2.1"));
        assertThat(Mailbox.parse("\u7528\u6237@\u4f8b\u5b50.\u5e7f\u544a").isAscii()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a@", "@b", "a@b@c", "<a@b>", "a@b>", "a b@c", "a@@b", "a@b,c"})
    void parseRefusesAnythingElse(String text) {
        assertThatThrownBy(() -> Mailbox.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWireFormUsesMinimalQuoting() {
        assertThat(new Mailbox("plain.user", "example.test")).hasToString("plain.user@example.test");
        assertThat(new Mailbox("john doe", "example.test").wireLocalPart()).isEqualTo("\"john doe\"");
        assertThat(new Mailbox("a\"b\\c", "example.test").wireLocalPart()).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(new Mailbox(".leading", "example.test").wireLocalPart()).isEqualTo("\".leading\"");
        assertThat(new Mailbox("a..b", "example.test").wireLocalPart()).isEqualTo("\"a..b\"");
        assertThat(new Mailbox("pel\u00e9", "example.test").wireLocalPart()).isEqualTo("pel\u00e9");
    }

    @Test
    void theWireFormParsesBackToTheSameMailbox() {
        for (Mailbox m : new Mailbox[] {new Mailbox("john doe", "example.test"), new Mailbox("a\"b\\c", "x.test"),
                new Mailbox("user@evil.example", "example.test"), new Mailbox("a", "[IPv6:2001:db8::1]")}) {
            assertThat(Mailbox.parse(m.toString())).isEqualTo(m);
        }
    }

    @Test
    void postmasterIsCaseInsensitive() {
        assertThat(new Mailbox("PostMaster", "example.test").isPostmaster()).isTrue();
        assertThat(new Mailbox("postmasters", "example.test").isPostmaster()).isFalse();
    }

    @Test
    void aDomainNameHasNoAddressLiteral() {
        assertThat(new Mailbox("a", "example.test").addressLiteral()).isEmpty();
        assertThat(new Mailbox("a", "example.test").isAddressLiteral()).isFalse();
    }

    @Test
    void theConstructorKeepsTheGrammarsPromises() {
        assertThatThrownBy(() -> new Mailbox("", "example.test")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mailbox("a\r\nRCPT", "example.test")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mailbox("a".repeat(65), "example.test")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mailbox("a b".repeat(21), "example.test"))
                .as("63 characters need quotes: 65 octets").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mailbox("a", "bad_domain")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mailbox("a", "[300.0.0.1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mailbox("a", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pathsRenderWithAngleBrackets() {
        Mailbox m = new Mailbox("a", "example.test");
        assertThat(ReversePath.of(m)).hasToString("<a@example.test>").isEqualTo(ReversePath.of(m));
        assertThat(ReversePath.of(m).hashCode()).isEqualTo(ReversePath.of(m).hashCode());
        assertThat(ReversePath.of(m)).isNotEqualTo(ReversePath.NULL);
        assertThat(ForwardPath.of(m)).hasToString("<a@example.test>").isNotEqualTo(ForwardPath.POSTMASTER);
        assertThat(ForwardPath.of(m).isPostmaster()).isFalse();
        assertThat(ForwardPath.of(m).hadSourceRoute()).isFalse();
    }
}
