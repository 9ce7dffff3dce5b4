package io.tenmail.smtp.spam.external;

import io.tenmail.smtp.spam.SpamScore;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** spamd's SPAMC/1.5 CHECK: a stand-in daemon always, our own real spamd when it is installed. */
class SpamAssassinCheckIT {
    private static final String GTUBE = "From: a@example.test\r\nSubject: test\r\n\r\n"
            + "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\r\n";
    private static final String HAM = "From: Alice <alice@example.test>\r\nTo: Bob <bob@example.test>\r\n"
            + "Date: Sun, 22 Nov 2026 07:00:00 +0000\r\nMessage-ID: <ham-1@example.test>\r\nSubject: Minutes of the meeting\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
            + "Hi Bob,\r\n\r\nhere are the minutes of this morning's meeting. We agreed to move the release to\r\n"
            + "next week so that the documentation can be reviewed first.\r\n\r\nAlice\r\n";

    private static SpamAssassinCheck check(String server) throws Exception {
        SpamAssassinCheck check = new SpamAssassinCheck();
        check.init(FakeMailetConfig.builder().mailetName("SpamAssassinCheck").mailetContext(FakeMailContext.defaultContext())
                .setProperty("spamd", server).setProperty("timeoutSeconds", "10").build());
        return check;
    }

    private static FakeMail mail(String raw) throws Exception {
        return FakeMail.builder().name("A1").mimeMessage(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)))).build();
    }

    @Test
    void spamdsScoreIsAddedAndTheRequestFollowsTheProtocol() throws Exception {
        AtomicReference<String> request = new AtomicReference<>();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    request.set(in.readLine() + "|" + in.readLine());
                    s.getOutputStream().write("SPAMD/1.1 0 EX_OK\r\nContent-length: 0\r\nSpam: True ; 1000.2 / 5.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    request.compareAndSet(null, "failed: " + e);
                }
            });
            t.start();
            FakeMail mail = mail(GTUBE);
            check("127.0.0.1:" + server.getLocalPort()).service(mail);
            t.join(10_000);
            assertThat(request.get()).isEqualTo("CHECK SPAMC/1.5|Content-length: " + GTUBE.length());
            assertThat(SpamScore.symbols(mail)).isEqualTo("SPAMASSASSIN=1000.2");
        }
    }

    @Test
    void theRealSpamdGivesGtubeAHighScoreAndPlainMailALowOne() throws Exception {
        Optional<RealSpamd> found = RealSpamd.start();
        Assumptions.assumeTrue(found.isPresent(), "spamd is not installed (/usr/sbin/spamd)");
        try (RealSpamd spamd = found.get()) {
            SpamAssassinCheck check = check(spamd.address());
            FakeMail spam = mail(GTUBE);
            check.service(spam);
            assertThat(SpamScore.score(spam).doubleValue()).as(spamd.toString()).isGreaterThan(100);
            FakeMail ham = mail(HAM);
            check.service(ham);
            assertThat(SpamScore.score(ham).doubleValue()).as(spamd.toString()).isLessThan(5);
        }
    }
}
