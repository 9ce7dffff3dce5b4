package io.tenmail.smtp.spam.external;

import com.sun.net.httpserver.HttpServer;
import io.tenmail.smtp.spam.SpamScore;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Rspamd's HTTP /checkv2: a scripted responder always, the real rspamd when one listens on 11333. */
class RspamdCheckIT {
    private static final String GTUBE = "From: a@example.test\r\nTo: b@example.test\r\nSubject: test\r\n\r\n"
            + "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\r\n";

    private static RspamdCheck check(String url, Map<String, String> more) throws Exception {
        RspamdCheck check = new RspamdCheck();
        FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName("RspamdCheck").mailetContext(FakeMailContext.defaultContext())
                .setProperty("url", url).setProperty("timeoutSeconds", "10");
        more.forEach(config::setProperty);
        check.init(config.build());
        return check;
    }

    private static FakeMail mail(String raw) throws Exception {
        FakeMail mail = FakeMail.builder().name("Q1").sender("a@example.test").recipients(new MailAddress("b@example.test"), new MailAddress("c@example.test"))
                .mimeMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))))
                .build();
        mail.setAttribute(new Attribute(AttributeName.of("tenmail.smtp.client-address"), AttributeValue.of("192.0.2.7")));
        mail.setAttribute(new Attribute(AttributeName.of("tenmail.smtp.helo"), AttributeValue.of("client.example.test")));
        return mail;
    }

    /** A one-shot HTTP responder on loopback that records the request and answers {@code json}. */
    private static HttpServer responder(int status, String json, AtomicReference<String> request) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            request.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " IP=" + h.getFirst("IP") + " Helo=" + h.getFirst("Helo")
                    + " From=" + h.getFirst("From") + " Rcpt=" + h.get("Rcpt") + " Queue-Id=" + h.getFirst("Queue-Id") + " body=" + body.length);
            byte[] answer = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void rspamdsScoreAndActionAreAddedAndTheEnvelopeGoesInHeaderFields() throws Exception {
        AtomicReference<String> request = new AtomicReference<>();
        HttpServer server = responder(200, """
                {"is_skipped":false,"score":12.5,"required_score":15.0,"action":"add header",
                 "symbols":{"GTUBE":{"name":"GTUBE","score":10.0},"MISSING_DATE":{"name":"MISSING_DATE","score":1.0}},
                 "messages":{}}""", request);
        try {
            FakeMail mail = mail(GTUBE);
            check(url(server), Map.of()).service(mail);
            assertThat(request.get()).isEqualTo("POST /checkv2 IP=192.0.2.7 Helo=client.example.test From=a@example.test "
                    + "Rcpt=[b@example.test, c@example.test] Queue-Id=Q1 body=" + GTUBE.length());
            assertThat(SpamScore.symbols(mail)).isEqualTo("RSPAMD=12.5,RSPAMD_ACTION=2.5");
            assertThat(mail.getAttribute(AttributeName.of(RspamdCheck.ACTION))).get()
                    .extracting(a -> a.getValue().value()).isEqualTo("add header");
            assertThat(String.valueOf(mail.getAttribute(AttributeName.of(RspamdCheck.SYMBOLS)).orElseThrow().getValue().value()))
                    .isEqualTo("GTUBE=10.0,MISSING_DATE=1.0");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void weightAndActionPointsComeFromTheParameters() throws Exception {
        HttpServer server = responder(200, "{\"score\":4.0,\"required_score\":15,\"action\":\"reject\",\"symbols\":{}}", new AtomicReference<>());
        try {
            FakeMail mail = mail(GTUBE);
            check(url(server), Map.of("weight", "0.5", "actionScores", "reject=20")).service(mail);
            assertThat(SpamScore.symbols(mail)).isEqualTo("RSPAMD=2,RSPAMD_ACTION=20");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anErrorAnswerOrAnAbsentRspamdAddsNothing() throws Exception {
        HttpServer server = responder(500, "{\"error\":\"boom\"}", new AtomicReference<>());
        String url = url(server);
        try {
            FakeMail mail = mail(GTUBE);
            check(url, Map.of()).service(mail);
            assertThat(SpamScore.symbols(mail)).isEmpty();
        } finally {
            server.stop(0);
        }
        FakeMail mail = mail(GTUBE);
        check(url, Map.of()).service(mail);   // nothing listens there any more
        assertThat(SpamScore.symbols(mail)).isEmpty();
    }

    @Test
    void trustedMailIsNotSent() throws Exception {
        AtomicReference<String> request = new AtomicReference<>();
        HttpServer server = responder(200, "{\"score\":4.0,\"required_score\":15,\"action\":\"reject\",\"symbols\":{}}", request);
        try {
            FakeMail mail = mail(GTUBE);
            mail.setAttribute(new Attribute(AttributeName.of("tenmail.smtp.auth-user"), AttributeValue.of("alice@example.test")));
            check(url(server), Map.of()).service(mail);
            assertThat(request.get()).isNull();
            assertThat(SpamScore.symbols(mail)).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void invalidParametersFailAtInit() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> check("ftp://x", Map.of()))
                .hasMessageContaining("RspamdCheck");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> check("http://127.0.0.1:1", Map.of("actionScores", "reject")))
                .hasMessageContaining("actionScores");
    }

    @Test
    void theRealRspamdFindsGtube() throws Exception {
        Optional<RealRspamd> found = RealRspamd.find();
        Assumptions.assumeTrue(found.isPresent(), "rspamd is not installed");
        try (RealRspamd rspamd = found.get()) {
            FakeMail mail = mail(GTUBE);
            check(rspamd.url(), Map.of()).service(mail);
            assertThat(String.valueOf(mail.getAttribute(AttributeName.of(RspamdCheck.SYMBOLS)).orElseThrow().getValue().value())).contains("GTUBE");
            assertThat(mail.getAttribute(AttributeName.of(RspamdCheck.ACTION))).get().extracting(a -> a.getValue().value()).isEqualTo("reject");
            assertThat(SpamScore.score(mail).doubleValue()).isGreaterThan(5);
        }
    }
}
