package io.tenmail.smtp.remote;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.it.MailSystem;
import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.storage.model.QueueEntry;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.mailet.DsnParameters;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** RemoteDelivery talking to Tenmail's own MX listener: STARTTLS, DSN, per-recipient refusals, the queue entry it makes. */
@ExtendWith(MailSystem.Extension.class)
class RemoteDeliveryToTenmailIT {
    private final RecordingReports reports = new RecordingReports();
    private RemoteDelivery mailet;

    @AfterEach
    void stop() {
        if (mailet != null) mailet.destroy();
    }

    @Test
    void mailReachesTenmailsMxOverTlsWithItsDsnParameters(MailSystem system) throws Exception {
        int port = system.port(ListenerRole.MX);
        RemoteDeliverySettings settings = RemoteDeliverySettings.builder("relay.sender.test")
                .routes(RouteTable.parse("example.test=127.0.0.1:" + port + "; other.test=127.0.0.1:" + port, 25, 587))
                .timeouts(SmtpTimeouts.all(Duration.ofSeconds(20))).build();
        mailet = new RemoteDelivery(settings, reports, Clock.systemUTC(), null);
        mailet.init(FakeMailetConfig.builder().mailetName("RemoteDelivery").mailetContext(FakeMailContext.defaultContext()).build());
        String text = "From: news@sender.test\r\nTo: alice@example.test\r\nSubject: caf\u00e9\r\n\r\n.leading dot\r\n8-bit: \u00e9\r\n";
        FakeMail mail = FakeMail.builder().name("Q7").sender("news@sender.test").state("relay")
                .recipients("alice@example.test", "nobody@example.test", "zed@other.test")
                .mimeMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
                .build();
        MailAddress alice = new MailAddress("alice@example.test");
        mail.setDsnParameters(DsnParameters.builder().envId(DsnParameters.EnvId.of("Q7")).ret(DsnParameters.Ret.HDRS)
                .rcptParameters(com.google.common.collect.ImmutableMap.of(alice,
                        DsnParameters.RecipientDsnParameters.of(EnumSet.of(DsnParameters.Notify.FAILURE), alice)))
                .build().orElseThrow());

        mailet.service(mail);

        assertThat(reports.failed).extracting(f -> f.recipient().asString() + " " + f.reply().substring(0, 9))
                .containsExactlyInAnyOrder("nobody@example.test 550 5.1.1");
        assertThat(mail.getRecipients()).isEmpty();
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        List<QueueEntry> queued = system.queued();
        assertThat(queued).hasSize(2);
        QueueEntry toAlice = queued.stream().filter(e -> e.mail().recipients().get(0).address().toString().equals("alice@example.test"))
                .findFirst().orElseThrow();
        assertThat(toAlice.mail().recipients()).singleElement().satisfies(r -> {
            assertThat(r.dsnNotify()).contains("FAILURE");
            assertThat(r.orcpt()).hasValueSatisfying(o -> assertThat(o).containsIgnoringCase("alice@example.test"));
        });
        assertThat(toAlice.mail().attributes()).containsEntry(MailAttributes.DSN_ENVID, "Q7").containsEntry(MailAttributes.DSN_RET, "HDRS")
                .containsEntry(MailAttributes.BODY, "8BITMIME").containsEntry(MailAttributes.HELO, "relay.sender.test");
        assertThat(toAlice.mail().attributes().get(MailAttributes.TLS)).startsWith("TLSv1.");
        assertThat(new String(system.bytes(toAlice), StandardCharsets.UTF_8)).endsWith(text);
    }
}
