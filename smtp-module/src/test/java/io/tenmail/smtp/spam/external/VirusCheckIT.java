package io.tenmail.smtp.spam.external;

import io.tenmail.smtp.spam.SpamScore;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.mailet.AttributeName;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ClamAV scanning through the zINSTREAM protocol: a stand-in daemon always, the real clamd when one listens on 3310. */
class VirusCheckIT {
    private static final String CLEAN = "From: a@example.test\r\nSubject: hi\r\n\r\nhello\r\n";
    private static final String INFECTED = "From: a@example.test\r\nSubject: invoice\r\n\r\n" + FakeClamd.EICAR + "\r\n";

    private FakeClamd clamd;

    @BeforeEach
    void start() throws Exception {
        clamd = new FakeClamd();
    }

    @AfterEach
    void stop() throws Exception {
        clamd.close();
    }

    private static VirusCheck check(String server, String failClosed) throws Exception {
        VirusCheck check = new VirusCheck();
        check.init(FakeMailetConfig.builder().mailetName("VirusCheck").mailetContext(FakeMailContext.defaultContext())
                .setProperty("clamd", server).setProperty("timeoutSeconds", "5").setProperty("failClosed", failClosed).build());
        return check;
    }

    private static FakeMail mail(String raw) throws Exception {
        return FakeMail.builder().name("V1").mimeMessage(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)))).build();
    }

    @Test
    void theEicarFileIsFoundAndNamed() throws Exception {
        FakeMail mail = mail(INFECTED);
        check(clamd.address().toString(), "false").service(mail);
        assertThat(SpamScore.symbols(mail)).isEqualTo("VIRUS=1000");
        assertThat(mail.getAttribute(AttributeName.of(VirusCheck.VIRUS_ATTRIBUTE)).orElseThrow().getValue().value()).isEqualTo("Win.Test.EICAR_HDB-1");
        assertThat(clamd.lastCommand).isEqualTo("zINSTREAM");
    }

    @Test
    void aCleanMessagePasses() throws Exception {
        FakeMail mail = mail(CLEAN);
        check(clamd.address().toString(), "false").service(mail);
        assertThat(SpamScore.symbols(mail)).isEmpty();
    }

    @Test
    void anUnreachableDaemonLetsMailThroughUnlessFailClosed() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        FakeMail mail = mail(INFECTED);
        check("127.0.0.1:" + closedPort, "false").service(mail);
        assertThat(SpamScore.symbols(mail)).isEmpty();
        assertThatThrownBy(() -> check("127.0.0.1:" + closedPort, "true").service(mail(INFECTED))).hasMessageContaining("clamd");
    }

    @Test
    void theRealClamdFindsEicarWhenRunning() throws Exception {
        boolean running;
        try (Socket s = new Socket("127.0.0.1", 3310)) {
            running = true;
        } catch (java.io.IOException e) {
            running = false;
        }
        Assumptions.assumeTrue(running, "no clamd on 127.0.0.1:3310");
        FakeMail mail = mail(INFECTED);
        check("127.0.0.1:3310", "true").service(mail);
        assertThat(SpamScore.symbols(mail)).isEqualTo("VIRUS=1000");
    }
}
