package io.tenmail.smtp.remote;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.mailet.DsnParameters;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundEnvelopeTest {
    private static final EhloCapabilities ALL = new EhloCapabilities(
            Set.of("SIZE", "8BITMIME", "SMTPUTF8", "DSN", "PIPELINING"), 1000, Set.of());

    static MimeMessage message(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void dsnParametersArePassedOnWhenTheServerOffersDsn() throws Exception {
        MailAddress bob = new MailAddress("bob@example.net");
        FakeMail mail = FakeMail.builder().name("m").sender("alice@example.com").recipient(bob)
                .mimeMessage(message("Subject: hi\r\n\r\nhello\r\n")).build();
        mail.setDsnParameters(DsnParameters.builder().envId(DsnParameters.EnvId.of("Q81+20x+2By")).ret(DsnParameters.Ret.HDRS)
                .rcptParameters(com.google.common.collect.ImmutableMap.of(bob, DsnParameters.RecipientDsnParameters.of(
                        EnumSet.of(DsnParameters.Notify.FAILURE, DsnParameters.Notify.DELAY), new MailAddress("b=b@example.org"))))
                .build().orElseThrow());
        OutboundEnvelope e = OutboundEnvelope.of(mail, MessageContent.of(mail.getMessage()));
        assertThat(e.mailCommand(ALL, 42)).isEqualTo("MAIL FROM:<alice@example.com> SIZE=42 RET=HDRS ENVID=Q81+20x+2By");
        assertThat(e.rcptCommand(bob, ALL)).isEqualTo("RCPT TO:<bob@example.net> NOTIFY=FAILURE,DELAY ORCPT=rfc822;b+3Db@example.org");
        EhloCapabilities bare = new EhloCapabilities(Set.of(), 0, Set.of());
        assertThat(e.mailCommand(bare, 42)).isEqualTo("MAIL FROM:<alice@example.com>");
        assertThat(e.rcptCommand(bob, bare)).isEqualTo("RCPT TO:<bob@example.net>");
    }

    @Test
    void eightBitContentAsksForBody8bitmime() throws Exception {
        FakeMail mail = FakeMail.builder().name("m").sender("jo@example.com").recipient("bob@example.net")
                .mimeMessage(message("Subject: hi\r\n\r\nd\u00e9j\u00e0 vu\r\n")).build();
        MessageContent content = MessageContent.of(mail.getMessage());
        assertThat(content.eightBit()).isTrue();
        assertThat(content.eightBitHeader()).isFalse();
        OutboundEnvelope e = OutboundEnvelope.of(mail, content);
        assertThat(e.needsSmtpUtf8()).isFalse();
        assertThat(e.mailCommand(ALL, 9)).isEqualTo("MAIL FROM:<jo@example.com> SIZE=9 BODY=8BITMIME");
    }

    @Test
    void utf8HeadersNeedSmtputf8OnlyWhenTheMailCameWithIt() throws Exception {
        String text = "Subject: \u00e7a va\r\n\r\nbody\r\n";
        FakeMail plain = FakeMail.builder().name("m").sender("a@example.com").recipient("b@example.net").mimeMessage(message(text)).build();
        assertThat(OutboundEnvelope.of(plain, MessageContent.of(plain.getMessage())).needsSmtpUtf8()).isFalse();
        FakeMail utf8 = FakeMail.builder().name("m").sender("a@example.com").recipient("b@example.net").mimeMessage(message(text))
                .attribute("tenmail.smtp.smtputf8", "true").build();
        OutboundEnvelope e = OutboundEnvelope.of(utf8, MessageContent.of(utf8.getMessage()));
        assertThat(e.needsSmtpUtf8()).isTrue();
        assertThat(e.mailCommand(ALL, 9)).isEqualTo("MAIL FROM:<a@example.com> SIZE=9 BODY=8BITMIME SMTPUTF8");
    }

    @Test
    void theNullReversePathStaysEmpty() throws Exception {
        FakeMail bounce = FakeMail.builder().name("m").recipient("b@example.net").mimeMessage(message("Subject: x\r\n\r\ny\r\n")).build();
        assertThat(OutboundEnvelope.of(bounce, MessageContent.of(bounce.getMessage())).mailCommand(ALL, 5))
                .isEqualTo("MAIL FROM:<> SIZE=5");
    }

    @Test
    void recipientsAreGroupedByDomainIgnoringCase() throws Exception {
        List<MailAddress> r = List.of(new MailAddress("a@X.test"), new MailAddress("b@y.test"), new MailAddress("c@x.TEST"));
        assertThat(OutboundEnvelope.byDomain(r)).containsOnlyKeys("x.test", "y.test");
        assertThat(OutboundEnvelope.byDomain(r).get("x.test")).extracting(MailAddress::getLocalPart).containsExactly("a", "c");
    }
}
