package io.tenmail.protocol.sasl;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SaslPlainTest {

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rfc4616ExampleWithoutAuthorizationIdentity() throws Exception {
        // RFC 4616 §4: "\0tim\0tanstaaftanstaaf"
        SaslCredentials c = SaslPlain.decode("AHRpbQB0YW5zdGFhZnRhbnN0YWFm");
        assertThat(c).isEqualTo(new SaslCredentials("", "tim", "tanstaaftanstaaf"));
        assertThat(c.actsAsOther()).isFalse();
    }

    @Test
    void rfc4616ExampleWithAuthorizationIdentity() throws Exception {
        // RFC 4616 §4: "Ursel\0Kurt\0xipj3plmq"
        SaslCredentials c = SaslPlain.decode("VXJzZWwAS3VydAB4aXBqM3BsbXE=");
        assertThat(c).isEqualTo(new SaslCredentials("Ursel", "Kurt", "xipj3plmq"));
        assertThat(c.actsAsOther()).isTrue();
    }

    @Test
    void utf8NamesAndPasswordsAreDecoded() throws Exception {
        assertThat(SaslPlain.decode(b64("\0jürgen@example.test\0pässwörd€")).password()).isEqualTo("pässwörd€");
    }

    @Test
    void passwordMayContainSpacesAndTrailingWhitespaceOfTheLineIsIgnored() throws Exception {
        assertThat(SaslPlain.decode(b64("\0alice\0correct horse") + "  ").password()).isEqualTo("correct horse");
    }

    @Test
    void invalidBase64IsRefused() {
        assertThatThrownBy(() -> SaslPlain.decode("not base64!")).isInstanceOf(SaslResponseException.class)
                .hasMessage("PLAIN response is not valid base64");
    }

    @Test
    void missingSeparatorIsRefused() {
        assertThatThrownBy(() -> SaslPlain.decode(b64("alice\0secret")))
                .hasMessage("PLAIN response must be authzid NUL authcid NUL password");
    }

    @Test
    void extraNulIsRefused() {
        assertThatThrownBy(() -> SaslPlain.decode(b64("\0alice\0sec\0ret")))
                .hasMessage("PLAIN response must be authzid NUL authcid NUL password");
    }

    @Test
    void emptyUserNameOrPasswordIsRefused() {
        assertThatThrownBy(() -> SaslPlain.decode(b64("\0\0secret"))).hasMessage("PLAIN response has an empty user name");
        assertThatThrownBy(() -> SaslPlain.decode(b64("\0alice\0"))).hasMessage("PLAIN response has an empty password");
    }

    @Test
    void emptyInitialResponseIsRefused() {
        assertThatThrownBy(() -> SaslPlain.decode("=")).hasMessage("PLAIN response is empty");
    }

    @Test
    void partsLongerThan255OctetsAreRefused() {
        String longPassword = "p".repeat(256);
        assertThatThrownBy(() -> SaslPlain.decode(b64("\0alice\0" + longPassword)))
                .hasMessage("PLAIN response has a password longer than 255 octets");
    }

    @Test
    void malformedUtf8IsRefusedNotReplaced() {
        byte[] message = {0, 'a', 0, (byte) 0xC3, (byte) 0x28};
        assertThatThrownBy(() -> SaslPlain.parse(message)).hasMessage("PLAIN response is not valid UTF-8");
    }

    @Test
    void toStringNeverShowsThePassword() throws Exception {
        assertThat(SaslPlain.decode(b64("\0alice\0hunter2")).toString()).doesNotContain("hunter2").contains("alice");
    }

    @Test
    void cancelIsRecognised() {
        assertThat(SaslResponse.isCancel("*")).isTrue();
        assertThat(SaslResponse.isCancel("Kg==")).isFalse();
    }
}
