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
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** spamd's SPAMC/1.5 CHECK: a stand-in daemon always, the real spamd when one listens on 783. */
class SpamAssassinCheckIT {
    private static final String GTUBE = "From: a@example.test\r\nSubject: test\r\n\r\n"
            + "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\r\n";

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
    void theRealSpamdRecognisesGtubeWhenRunning() throws Exception {
        boolean running;
        try (Socket s = new Socket("127.0.0.1", 783)) {
            running = true;
        } catch (IOException e) {
            running = false;
        }
        Assumptions.assumeTrue(running, "no spamd on 127.0.0.1:783");
        FakeMail mail = mail(GTUBE);
        check("127.0.0.1:783").service(mail);
        assertThat(SpamScore.score(mail).doubleValue()).isGreaterThan(100);
    }
}
