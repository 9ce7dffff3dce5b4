package io.tenmail.smtp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EhloResponseTest {

    @Test
    void theRfc2034ExampleRendersLineForLine() {
        // RFC 2034 §6
        Reply reply = EhloResponse.builder("dbc.mtview.ca.us").greeting("says hello")
                .advertise(SmtpExtension.ENHANCED_STATUS_CODES).build().toReply();
        assertThat(reply.render()).isEqualTo("250-dbc.mtview.ca.us says hello\r\n250 ENHANCEDSTATUSCODES\r\n");
        assertThat(reply.enhancedCode()).isEmpty();
    }

    @Test
    void everyExtensionIsListedInAFixedOrder() {
        EhloResponse ehlo = EhloResponse.builder("mx.example.test").greeting("Hello client.example.test")
                .advertise(SmtpExtension.SMTPUTF8, SmtpExtension.DSN, SmtpExtension.CHUNKING, SmtpExtension.BINARYMIME,
                        SmtpExtension.EIGHT_BIT_MIME, SmtpExtension.ENHANCED_STATUS_CODES, SmtpExtension.STARTTLS,
                        SmtpExtension.PIPELINING)
                .size(10_485_760).auth(List.of("PLAIN", "LOGIN")).legacyAuthLine(true).build();
        assertThat(ehlo.toReply().render()).isEqualTo("250-mx.example.test Hello client.example.test\r\n"
                + "250-PIPELINING\r\n"
                + "250-SIZE 10485760\r\n"
                + "250-STARTTLS\r\n"
                + "250-AUTH PLAIN LOGIN\r\n"
                + "250-AUTH=PLAIN LOGIN\r\n"
                + "250-ENHANCEDSTATUSCODES\r\n"
                + "250-8BITMIME\r\n"
                + "250-BINARYMIME\r\n"
                + "250-CHUNKING\r\n"
                + "250-DSN\r\n"
                + "250 SMTPUTF8\r\n");
        assertThat(ehlo.extensions()).isEqualTo(EnumSet.allOf(SmtpExtension.class));
    }

    @Test
    void nothingAdvertisedIsTheDomainAlone() {
        EhloResponse ehlo = EhloResponse.builder("mx.example.test").build();
        assertThat(ehlo.toReply().render()).isEqualTo("250 mx.example.test\r\n");
        assertThat(ehlo.extensions()).isEmpty();
    }

    @Test
    void sizeZeroMeansNoFixedLimit() {
        // RFC 1870 §4
        assertThat(EhloResponse.builder("mx.example.test").size(0).build().toReply().lines()).containsExactly("mx.example.test", "SIZE 0");
    }

    @Test
    void theAdvertisedSetIsWhatTheParserAccepts() throws Exception {
        Set<SmtpExtension> advertised = EhloResponse.builder("mx.example.test").size(100).build().extensions();
        assertThat(SmtpCommandLine.parse("MAIL FROM:<a@example.test> SIZE=10", advertised).mailParameters().size()).hasValue(10);
        SmtpSyntaxException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> SmtpCommandLine.parse("MAIL FROM:<a@example.test> BODY=8BITMIME", advertised), SmtpSyntaxException.class);
        assertThat(e.reply().status()).isEqualTo("555 5.5.4");
    }

    @Test
    void inconsistentAdvertisementsAreBugs() {
        assertThatThrownBy(() -> EhloResponse.builder("mx.example.test").advertise(SmtpExtension.BINARYMIME).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CHUNKING");
        assertThatThrownBy(() -> EhloResponse.builder("mx.example.test").advertise(SmtpExtension.AUTH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EhloResponse.builder("mx.example.test").advertise(SmtpExtension.SIZE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EhloResponse.builder("mx.example.test").auth(List.of("PL AIN")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EhloResponse.builder("mx example").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EhloResponse.builder("mx.example.test").size(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EhloResponse("mx.example.test", "", EnumSet.of(SmtpExtension.AUTH), 0, List.of(), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EhloResponse("mx.example.test", "", Set.of(), 0, List.of(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noMechanismsMeansNoAuthLine() {
        EhloResponse ehlo = EhloResponse.builder("mx.example.test").auth(List.of("PLAIN")).auth(List.of()).legacyAuthLine(true).build();
        assertThat(ehlo.extensions()).doesNotContain(SmtpExtension.AUTH);
        assertThat(ehlo.toReply().lines()).containsExactly("mx.example.test");
    }
}
