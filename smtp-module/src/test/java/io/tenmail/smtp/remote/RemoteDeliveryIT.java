package io.tenmail.smtp.remote;

import io.tenmail.protocol.dns.TestDnsServer;
import io.tenmail.protocol.tls.TlsContextFactory;
import io.tenmail.protocol.tls.TlsMaterial;
import io.tenmail.protocol.tls.TlsSettings;
import io.tenmail.smtp.dsn.DeliveryFailure;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.DsnParameters;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RemoteDelivery end to end: the mailet delivers to scripted SMTP servers on 127.0.0.1 through the
 * route table, or through MX records of a DNS responder on 127.0.0.1.
 */
class RemoteDeliveryIT {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final String MESSAGE = "From: alice@example.com\r\nTo: bob@a.test\r\nSubject: hello\r\n\r\nfirst line\r\n.hidden dot\r\n.\r\nlast\r\n";

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final RecordingReports reports = new RecordingReports();
    private RemoteDelivery mailet;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws Exception {
        if (mailet != null) mailet.destroy();
        for (AutoCloseable c : closeables) c.close();
    }

    private SmtpSink sink() throws Exception {
        SmtpSink sink = new SmtpSink();
        closeables.add(sink);
        return sink;
    }

    private RemoteDeliverySettings.Builder settings(String routes) {
        return RemoteDeliverySettings.builder("client.example.com").routes(RouteTable.parse(routes, 25, 587))
                .timeouts(SmtpTimeouts.all(Duration.ofSeconds(10)));
    }

    private RemoteDelivery start(RemoteDeliverySettings settings) throws Exception {
        return start(settings, null);
    }

    private RemoteDelivery start(RemoteDeliverySettings settings, MxResolver resolver) throws Exception {
        mailet = new RemoteDelivery(settings, reports, Clock.fixed(NOW, ZoneOffset.UTC), resolver);
        mailet.init(FakeMailetConfig.builder().mailetName("RemoteDelivery").mailetContext(FakeMailContext.defaultContext()).build());
        return mailet;
    }

    private static FakeMail mail(String message, String... recipients) throws Exception {
        return mail(message, 0, NOW, recipients);
    }

    private static FakeMail mail(String message, int attempts, Instant received, String... recipients) throws Exception {
        FakeMail.Builder b = FakeMail.builder().name("Q1").sender("alice@example.com").state("relay")
                .mimeMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8))))
                .attribute(new Attribute(RemoteDelivery.ATTEMPTS, AttributeValue.of(attempts)))
                .attribute(new Attribute(RemoteDelivery.RECEIVED, AttributeValue.of(received.toString())));
        for (String r : recipients) b.recipient(r);
        return b.build();
    }

    private static String attribute(Mail mail, org.apache.mailet.AttributeName name) {
        return mail.getAttribute(name).map(a -> String.valueOf(a.getValue().getValue())).orElse(null);
    }

    private static List<String> addresses(Mail mail) {
        return mail.getRecipients().stream().map(MailAddress::asString).toList();
    }

    @Test
    void eachDomainGetsOneConnectionCarryingAllItsRecipients() throws Exception {
        SmtpSink a = sink();
        SmtpSink b = sink();
        start(settings("a.test=127.0.0.1:" + a.port() + "; b.test=127.0.0.1:" + b.port()).build());
        FakeMail mail = mail(MESSAGE, "bob@a.test", "carol@a.test", "dave@b.test");

        mailet.service(mail);

        assertThat(a.connections.get()).isEqualTo(1);
        assertThat(a.messages).singleElement().satisfies(m -> {
            assertThat(m.mailFrom()).startsWith("MAIL FROM:<alice@example.com> SIZE=");
            assertThat(m.rcptTo()).containsExactly("RCPT TO:<bob@a.test>", "RCPT TO:<carol@a.test>");
            assertThat(m.text()).contains("\r\n..hidden dot\r\n..\r\nlast\r\n").startsWith("From: alice@example.com\r\n");
        });
        assertThat(b.messages).singleElement().satisfies(m -> assertThat(m.rcptTo()).containsExactly("RCPT TO:<dave@b.test>"));
        assertThat(mail.getRecipients()).isEmpty();
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(reports.failed).isEmpty();
    }

    @Test
    void eachRecipientGetsItsOwnResult() throws Exception {
        SmtpSink a = sink();
        a.rcptReply = (rcpt, connection) -> rcpt.startsWith("bad") ? "550 5.1.1 no such user"
                : rcpt.startsWith("later") ? "450 4.2.1 mailbox busy" : "250 2.1.5 OK";
        start(settings("a.test=127.0.0.1:" + a.port()).build());
        FakeMail mail = mail(MESSAGE, "bad@a.test", "later@a.test", "good@a.test");

        mailet.service(mail);

        assertThat(a.messages).singleElement().satisfies(m -> assertThat(m.rcptTo()).containsExactly("RCPT TO:<good@a.test>"));
        assertThat(reports.failed).singleElement().satisfies(f -> {
            assertThat(f.recipient().asString()).isEqualTo("bad@a.test");
            assertThat(f.reply()).isEqualTo("550 5.1.1 no such user");
            assertThat(f.remoteMta()).contains("127.0.0.1");
        });
        assertThat(addresses(mail)).containsExactly("later@a.test");
        assertThat(mail.getState()).isEqualTo("relay");
        assertThat(attribute(mail, RemoteDelivery.NEXT_ATTEMPT)).isEqualTo(NOW.plus(Duration.ofMinutes(5)).toString());
        assertThat(attribute(mail, RemoteDelivery.LAST_ERROR)).isEqualTo("450 4.2.1 mailbox busy");
        assertThat(reports.delayed).isEmpty();
    }

    @Test
    void aDeferredMailIsDeliveredOnTheNextAttempt() throws Exception {
        SmtpSink a = sink();
        a.rcptReply = (rcpt, connection) -> connection == 1 ? "451 4.7.1 greylisted, come back later" : "250 2.1.5 OK";
        start(settings("a.test=127.0.0.1:" + a.port()).build());
        FakeMail first = mail(MESSAGE, "bob@a.test");
        mailet.service(first);
        assertThat(addresses(first)).containsExactly("bob@a.test");
        assertThat(a.messages).isEmpty();

        FakeMail second = mail(MESSAGE, 1, NOW.minus(Duration.ofMinutes(5)), "bob@a.test");
        mailet.service(second);

        assertThat(a.messages).hasSize(1);
        assertThat(second.getRecipients()).isEmpty();
        assertThat(second.getState()).isEqualTo(Mail.GHOST);
        assertThat(reports.failed).isEmpty();
    }

    @Test
    void aMailPastTheMaximumAgeIsReportedFailedWithItsLastError() throws Exception {
        SmtpSink a = sink();
        a.rcptReply = (rcpt, connection) -> "452 4.2.2 mailbox full";
        start(settings("a.test=127.0.0.1:" + a.port()).build());
        FakeMail mail = mail(MESSAGE, 33, NOW.minus(Duration.ofDays(5)), "bob@a.test");

        mailet.service(mail);

        assertThat(reports.failed).singleElement().satisfies(f -> assertThat(f.reply()).isEqualTo("452 4.2.2 mailbox full"));
        assertThat(mail.getRecipients()).isEmpty();
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void theDelayNoticeGoesOutOnceAtTheNoticeAttempt() throws Exception {
        SmtpSink a = sink();
        a.rcptReply = (rcpt, connection) -> "421 4.3.0 try later";
        start(settings("a.test=127.0.0.1:" + a.port()).build());
        // standard schedule: attempts at 0 5m 15m 45m 1h45m 3h45m 4h ...; the seventh (6 failed before) is at 4h
        FakeMail before = mail(MESSAGE, 5, NOW.minus(Duration.ofMinutes(225)), "bob@a.test");
        mailet.service(before);
        FakeMail at = mail(MESSAGE, 6, NOW.minus(Duration.ofHours(4)), "bob@a.test");
        mailet.service(at);
        FakeMail after = mail(MESSAGE, 7, NOW.minus(Duration.ofMinutes(465)), "bob@a.test");
        mailet.service(after);

        assertThat(reports.delayNotices).isEqualTo(1);
        assertThat(reports.delayed).singleElement().satisfies(f -> assertThat(f.reply()).startsWith("421 4.3.0"));
        assertThat(addresses(after)).containsExactly("bob@a.test");
    }

    @Test
    void theNextHostIsTriedAfter421AtTheGreeting() throws Exception {
        SmtpSink busy = sink();
        busy.greeting = "421 4.3.2 too busy";
        SmtpSink ok = sink();
        start(settings("a.test=127.0.0.1:" + busy.port() + ",127.0.0.1:" + ok.port()).build());
        FakeMail mail = mail(MESSAGE, "bob@a.test");

        mailet.service(mail);

        assertThat(busy.connections.get()).isEqualTo(1);
        assertThat(ok.messages).hasSize(1);
        assertThat(mail.getRecipients()).isEmpty();
    }

    @Test
    void theNextHostIsTriedWhenTheFirstRefusesTheConnection() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        SmtpSink ok = sink();
        start(settings("a.test=127.0.0.1:" + closedPort + ",127.0.0.1:" + ok.port()).build());
        FakeMail mail = mail(MESSAGE, "bob@a.test");

        mailet.service(mail);

        assertThat(ok.messages).hasSize(1);
    }

    @Test
    void whenNoHostAnswersTheMailIsDeferred() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        start(settings("a.test=127.0.0.1:" + closedPort).build());
        FakeMail mail = mail(MESSAGE, "bob@a.test");

        mailet.service(mail);

        assertThat(addresses(mail)).containsExactly("bob@a.test");
        assertThat(attribute(mail, RemoteDelivery.LAST_ERROR)).startsWith("451 4.4.1 cannot connect to 127.0.0.1:" + closedPort);
        assertThat(reports.failed).isEmpty();
    }

    @Test
    void startTlsIsUsedWhenOfferedEvenWithASelfSignedCertificate() throws Exception {
        SmtpSink a = sink();
        a.tls = serverTls("sink.test");
        a.extensions = List.of("STARTTLS", "PIPELINING", "8BITMIME");
        start(settings("a.test=127.0.0.1:" + a.port()).build());
        FakeMail mail = mail(MESSAGE, "bob@a.test");

        mailet.service(mail);

        assertThat(a.messages).singleElement().satisfies(m -> assertThat(m.tls()).isTrue());
        assertThat(a.commands.stream().filter(c -> c.startsWith("EHLO client.example.com"))).hasSize(2);
    }

    @Test
    void theSmartHostGetsAuthOverVerifiedStartTls() throws Exception {
        SmtpSink relay = sink();
        relay.tls = serverTls("localhost");
        relay.extensions = List.of("STARTTLS", "AUTH PLAIN LOGIN", "8BITMIME");
        relay.credentials = "company:s3cret";
        start(settings("*=localhost:" + relay.port())
                .smartHost(new SmartHost(TlsPolicy.VERIFY, false, Optional.of(new SmtpCredentials("company", "s3cret"))))
                .trustedCertificates(pem(relay)).build());
        FakeMail mail = mail(MESSAGE, "bob@anywhere.example", "carol@elsewhere.example");

        mailet.service(mail);

        assertThat(relay.messages).hasSize(2).allSatisfy(m -> {
            assertThat(m.tls()).isTrue();
            assertThat(m.authUser()).isEqualTo("company");
        });
        assertThat(mail.getRecipients()).isEmpty();
    }

    @Test
    void aSmartHostWhoseCertificateIsNotTrustedGetsNeitherPasswordNorMail() throws Exception {
        SmtpSink relay = sink();
        relay.tls = serverTls("localhost");
        relay.extensions = List.of("STARTTLS", "AUTH PLAIN LOGIN");
        relay.credentials = "company:s3cret";
        start(settings("*=localhost:" + relay.port())
                .smartHost(new SmartHost(TlsPolicy.VERIFY, false, Optional.of(new SmtpCredentials("company", "s3cret")))).build());
        FakeMail mail = mail(MESSAGE, "bob@anywhere.example");

        mailet.service(mail);

        assertThat(relay.messages).isEmpty();
        assertThat(relay.commands).noneMatch(c -> c.startsWith("AUTH"));
        assertThat(addresses(mail)).containsExactly("bob@anywhere.example");
        assertThat(attribute(mail, RemoteDelivery.LAST_ERROR)).startsWith("451 4.7.5");
    }

    @Test
    void theSmartHostCanUseImplicitTlsAndAuthLogin() throws Exception {
        SmtpSink relay = sink();
        relay.tls = serverTls("localhost");
        relay.implicitTls = true;
        relay.extensions = List.of("AUTH LOGIN");
        relay.credentials = "company:s3cret";
        start(settings("*=localhost:" + relay.port())
                .smartHost(new SmartHost(TlsPolicy.VERIFY, true, Optional.of(new SmtpCredentials("company", "s3cret"))))
                .trustedCertificates(pem(relay)).build());
        FakeMail mail = mail(MESSAGE, "bob@anywhere.example");

        mailet.service(mail);

        assertThat(relay.messages).singleElement().satisfies(m -> assertThat(m.authUser()).isEqualTo("company"));
        assertThat(relay.commands).contains("AUTH LOGIN").noneMatch(c -> c.startsWith("STARTTLS"));
    }

    @Test
    void aWrongSmartHostPasswordDefersTheMailInsteadOfBouncingIt() throws Exception {
        SmtpSink relay = sink();
        relay.tls = serverTls("localhost");
        relay.extensions = List.of("STARTTLS", "AUTH PLAIN");
        relay.credentials = "company:other";
        start(settings("*=localhost:" + relay.port())
                .smartHost(new SmartHost(TlsPolicy.VERIFY, false, Optional.of(new SmtpCredentials("company", "s3cret"))))
                .trustedCertificates(pem(relay)).build());
        FakeMail mail = mail(MESSAGE, "bob@anywhere.example");

        mailet.service(mail);

        assertThat(addresses(mail)).containsExactly("bob@anywhere.example");
        assertThat(attribute(mail, RemoteDelivery.LAST_ERROR)).startsWith("451 4.7.0 authentication at localhost failed: 535 5.7.8");
    }

    @Test
    void aMailNeedingSmtputf8FailsWith567AtAServerWithoutIt() throws Exception {
        SmtpSink a = sink();
        start(settings("a.test=127.0.0.1:" + a.port()).build());
        FakeMail mail = mail("Subject: \u00e7a va\r\n\r\nbody\r\n", "bob@a.test");
        mail.setAttribute(new Attribute(org.apache.mailet.AttributeName.of("tenmail.smtp.smtputf8"), AttributeValue.of("true")));

        mailet.service(mail);

        assertThat(a.messages).isEmpty();
        assertThat(reports.failed).singleElement().satisfies(f -> assertThat(f.reply()).startsWith("550 5.6.7"));
        assertThat(mail.getRecipients()).isEmpty();
    }

    @Test
    void aMessageOverTheServersSizeLimitFailsWith534() throws Exception {
        SmtpSink a = sink();
        a.extensions = List.of("SIZE 50", "PIPELINING");
        start(settings("a.test=127.0.0.1:" + a.port()).build());
        FakeMail mail = mail(MESSAGE, "bob@a.test");

        mailet.service(mail);

        assertThat(a.commands).noneMatch(c -> c.startsWith("MAIL"));
        assertThat(reports.failed).singleElement().satisfies(f -> assertThat(f.reply()).startsWith("552 5.3.4"));
    }

    @Test
    void dsnParametersArePassedOnWithoutPipelining() throws Exception {
        SmtpSink a = sink();
        a.extensions = List.of("DSN", "8BITMIME");
        start(settings("a.test=127.0.0.1:" + a.port()).build());
        FakeMail mail = mail(MESSAGE, "bob@a.test");
        MailAddress bob = new MailAddress("bob@a.test");
        mail.setDsnParameters(DsnParameters.builder().envId(DsnParameters.EnvId.of("Q81")).ret(DsnParameters.Ret.HDRS)
                .rcptParameters(com.google.common.collect.ImmutableMap.of(bob, DsnParameters.RecipientDsnParameters.of(
                        EnumSet.of(DsnParameters.Notify.SUCCESS, DsnParameters.Notify.FAILURE), bob)))
                .build().orElseThrow());

        mailet.service(mail);

        assertThat(a.messages).singleElement().satisfies(m -> {
            assertThat(m.mailFrom()).isEqualTo("MAIL FROM:<alice@example.com> RET=HDRS ENVID=Q81");
            assertThat(m.rcptTo()).containsExactly("RCPT TO:<bob@a.test> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;bob@a.test");
        });
    }

    @Test
    void mailGoesToTheMxHostsDnsNamesAndUndeliverableDomainsFail() throws Exception {
        SmtpSink mx = sink();
        TestDnsServer dns = new TestDnsServer();
        closeables.add(dns);
        dns.mx("dns.test", 10, "mx.dns.test").a("mx.dns.test", "127.0.0.1").mx("nomail.test", 0, ".");
        RemoteDeliverySettings s = RemoteDeliverySettings.builder("client.example.com").port(mx.port())
                .dnsServers(List.of(HostPort.parse(dns.hostAndPort(), 53))).timeouts(SmtpTimeouts.all(Duration.ofSeconds(10))).build();
        start(s);
        FakeMail mail = mail(MESSAGE, "bob@dns.test", "x@nowhere.test", "y@nomail.test");

        mailet.service(mail);

        assertThat(mx.messages).singleElement().satisfies(m -> assertThat(m.rcptTo()).containsExactly("RCPT TO:<bob@dns.test>"));
        assertThat(reports.failed).extracting(DeliveryFailure::reply)
                .anySatisfy(r -> assertThat(r).startsWith("550 5.1.2"))
                .anySatisfy(r -> assertThat(r).startsWith("556 5.1.10"));
        assertThat(mail.getRecipients()).isEmpty();
    }

    @Test
    void aFailedOpportunisticHandshakeIsFollowedByPlainText() throws Exception {
        SmtpSink a = sink();
        a.brokenTls = true;
        a.extensions = List.of("STARTTLS", "PIPELINING");
        start(settings("a.test=127.0.0.1:" + a.port()).build());
        FakeMail mail = mail(MESSAGE, "bob@a.test");

        mailet.service(mail);

        assertThat(a.connections.get()).isEqualTo(2);
        assertThat(a.messages).singleElement().satisfies(m -> {
            assertThat(m.tls()).isFalse();
            assertThat(m.connection()).isEqualTo(2);
        });
        assertThat(a.commands.stream().filter(c -> c.equals("STARTTLS"))).hasSize(1);
    }

    @Test
    void whenTlsIsRequiredAHostWithoutStartTlsGetsNothing() throws Exception {
        SmtpSink a = sink();
        start(settings("a.test=127.0.0.1:" + a.port()).mxTls(TlsPolicy.ENCRYPT).build());
        FakeMail mail = mail(MESSAGE, "bob@a.test");

        mailet.service(mail);

        assertThat(a.commands).noneMatch(c -> c.startsWith("MAIL"));
        assertThat(attribute(mail, RemoteDelivery.LAST_ERROR)).startsWith("451 4.7.4");
    }

    @Test
    void manyRecipientsShareOneConnectionInSeveralTransactions() throws Exception {
        SmtpSink a = sink();
        a.recipientLimit = 2;
        start(settings("a.test=127.0.0.1:" + a.port()).maxRecipientsPerTransaction(3).build());
        FakeMail mail = mail(MESSAGE, "r1@a.test", "r2@a.test", "r3@a.test", "r4@a.test", "r5@a.test");

        mailet.service(mail);

        // 3 per transaction by our limit; the server takes 2 and answers 452 to the third, which goes in the next one
        assertThat(a.connections.get()).isEqualTo(1);
        assertThat(a.messages).extracting(m -> m.rcptTo().size()).containsExactly(2, 2, 1);
        assertThat(mail.getRecipients()).isEmpty();
        assertThat(reports.failed).isEmpty();
    }

    @Test
    void anAddressLiteralIsDeliveredToThatAddress() throws Exception {
        SmtpSink a = sink();
        start(RemoteDeliverySettings.builder("client.example.com").port(a.port()).timeouts(SmtpTimeouts.all(Duration.ofSeconds(10))).build());
        FakeMail mail = mail(MESSAGE, "bob@[127.0.0.1]");

        mailet.service(mail);

        assertThat(a.messages).singleElement().satisfies(m -> assertThat(m.rcptTo()).containsExactly("RCPT TO:<bob@[127.0.0.1]>"));
    }

    @Test
    void aPeerThatStopsReadingIsCutOffByTheDataBlockTimeout() throws Exception {
        SmtpSink a = sink();
        a.stallInData = true;
        a.extensions = List.of("PIPELINING", "8BITMIME");
        start(settings("a.test=127.0.0.1:" + a.port()).timeouts(new SmtpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(5))).build());
        // larger than the socket buffers on both sides, and than what is kept in memory
        String big = "Subject: big\r\n\r\n" + ("x".repeat(998) + "\r\n").repeat(16 * 1024);
        FakeMail mail = mail(big, "bob@a.test");

        mailet.service(mail);

        assertThat(addresses(mail)).containsExactly("bob@a.test");
        assertThat(attribute(mail, RemoteDelivery.LAST_ERROR)).startsWith("451 4.4.2 connection to 127.0.0.1:" + a.port() + " lost while sending the message");
    }

    private SSLContext serverTls(String host) throws Exception {
        TlsMaterial material = TlsMaterial.load(TlsSettings.selfSigned(host, dir.resolve(host)), Clock.systemUTC());
        lastCertificate = material.certificate().getEncoded();
        return TlsContextFactory.serverContext(material);
    }

    private byte[] lastCertificate;

    private Path pem(SmtpSink sink) throws Exception {
        Path file = dir.resolve("trusted-" + sink.port() + ".pem");
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(lastCertificate)
                + "\n-----END CERTIFICATE-----\n");
        return file;
    }
}
