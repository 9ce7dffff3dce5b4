package io.tenmail.smtp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SmtpVerbTest {

    @Test
    void lookupIsCaseInsensitiveAndStrict() {
        assertThat(SmtpVerb.lookup("ehlo")).contains(SmtpVerb.EHLO);
        assertThat(SmtpVerb.lookup("StartTLS")).contains(SmtpVerb.STARTTLS);
        assertThat(SmtpVerb.lookup("valueOf")).isEmpty();
        assertThat(SmtpVerb.lookup("ARGUMENT")).isEmpty();
        assertThat(SmtpVerb.lookup("DAT")).isEmpty();
        assertThat(SmtpVerb.lookup("DATA ")).isEmpty();
        assertThat(SmtpVerb.lookup("")).isEmpty();
        // "\u0131" (dotless i) upper-cases to I: a non-ASCII spelling must not find QUIT
        assertThat(SmtpVerb.lookup("QU\u0131T")).isEmpty();
    }

    @Test
    void theVerbsOfExtensionsNameTheirExtension() {
        assertThat(SmtpVerb.BDAT.extension()).contains(SmtpExtension.CHUNKING);
        assertThat(SmtpVerb.STARTTLS.extension()).contains(SmtpExtension.STARTTLS);
        assertThat(SmtpVerb.AUTH.extension()).contains(SmtpExtension.AUTH);
        assertThat(SmtpVerb.MAIL.extension()).isEmpty();
    }

    @Test
    void theVerbsThatEndAPipelineGroupAreThoseOfRfc2920() {
        // RFC 2920 §3.1 (EHLO, DATA, VRFY, EXPN, TURN, QUIT, NOOP), RFC 3207 §4, RFC 4954 §4
        EnumSet<SmtpVerb> last = EnumSet.noneOf(SmtpVerb.class);
        Arrays.stream(SmtpVerb.values()).filter(SmtpVerb::endsPipelineGroup).forEach(last::add);
        assertThat(last).containsExactlyInAnyOrder(SmtpVerb.EHLO, SmtpVerb.DATA, SmtpVerb.VRFY, SmtpVerb.EXPN,
                SmtpVerb.QUIT, SmtpVerb.NOOP, SmtpVerb.STARTTLS, SmtpVerb.AUTH);
    }

    @Test
    void argumentsAreAsTheRfcsSay() {
        assertThat(SmtpVerb.DATA.argument()).isEqualTo(SmtpVerb.Argument.NONE);
        assertThat(SmtpVerb.HELP.argument()).isEqualTo(SmtpVerb.Argument.OPTIONAL);
        assertThat(SmtpVerb.RCPT.argument()).isEqualTo(SmtpVerb.Argument.REQUIRED);
    }
}
