package io.tenmail.pop3.it;

import io.tenmail.pop3.Pop3Server;
import io.tenmail.storage.model.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * STLS (RFC 2595) and implicit TLS (RFC 8314) on a server that, unlike the default, refuses
 * plain-text login even on loopback: what every client outside the machine sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsIT {
    private Pop3Fixture fixture;
    private Pop3Server server;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        fixture = new Pop3Fixture(dataDir);
        server = fixture.start(Pop3Fixture.settings().withAllowPlaintextOnLoopback(false));
    }

    @AfterAll
    void stop() {
        if (fixture != null) fixture.close();
    }

    @Test
    void plaintextLoginIsRefusedAndNotAdvertisedBeforeTls() throws Exception {
        Account alice = fixture.account("alice");
        try (Pop3Client client = Pop3Client.connect(Pop3Fixture.port(server))) {
            client.readLine();
            assertThat(client.command("CAPA")).startsWith("+OK");
            assertThat(client.readBody()).contains("STLS").doesNotContain("USER", "SASL PLAIN LOGIN");
            assertThat(client.command("USER " + alice.address())).startsWith("-ERR [AUTH]");
            assertThat(client.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("-ERR [AUTH]");
            assertThat(client.command("AUTH PLAIN AGEAYg==")).startsWith("-ERR [AUTH]");
            assertThat(client.command("AUTH")).startsWith("-ERR [AUTH]");
        }
    }

    @Test
    void stlsThenLogin() throws Exception {
        Account bob = fixture.account("bob");
        String message = Pop3Fixture.message("secret", ".dot\r\nover TLS\r\n");
        fixture.deliver(bob, message);
        try (Pop3Client client = Pop3Client.connect(Pop3Fixture.port(server))) {
            client.readLine();
            assertThat(client.command("STLS")).startsWith("+OK");
            client.startTls(fixture.clientTls);
            assertThat(client.command("CAPA")).startsWith("+OK");
            assertThat(client.readBody()).contains("USER", "SASL PLAIN LOGIN").doesNotContain("STLS");
            assertThat(client.command("STLS")).startsWith("-ERR");
            assertThat(client.command("USER " + bob.address())).startsWith("+OK");
            assertThat(client.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("+OK");
            assertThat(client.command("RETR 1")).startsWith("+OK");
            assertThat(new String(client.readBodyBytes(), StandardCharsets.UTF_8)).isEqualTo(message);
            assertThat(client.command("QUIT")).startsWith("+OK");
        }
    }

    @Test
    void commandsPipelinedAfterStlsAreDiscarded() throws Exception {
        // RFC 2595 §4 / CVE-2011-0411: plain text injected behind STLS must not run after TLS
        Account carol = fixture.account("carol");
        try (Pop3Client client = Pop3Client.connect(Pop3Fixture.port(server))) {
            client.readLine();
            client.sendRaw(("STLS\r\nUSER " + carol.address() + "\r\nCAPA\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(client.readLine()).startsWith("+OK");
            client.startTls(fixture.clientTls);
            assertThat(client.command("PASS " + Pop3Fixture.PASSWORD)).isEqualTo("-ERR Send USER first");
            assertThat(client.command("USER " + carol.address())).startsWith("+OK");
            assertThat(client.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("+OK");
        }
    }

    @Test
    void implicitTlsAllowsLoginAtOnceAndStreamsLargeMessages() throws Exception {
        Account dave = fixture.account("dave");
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 1_500_000; i++) body.append(i % 5 == 0 ? ".." : "").append("line ").append(i).append("\r\n");
        String big = Pop3Fixture.message("big", body.toString());
        fixture.deliver(dave, big);
        fixture.deliver(dave, Pop3Fixture.message("small", "small\r\n"));
        try (Pop3Client client = Pop3Client.connectTls(Pop3Fixture.tlsPort(server), fixture.clientTls)) {
            client.readLine();
            assertThat(client.command("CAPA")).startsWith("+OK");
            assertThat(client.readBody()).contains("USER").doesNotContain("STLS");
            assertThat(client.command("STLS")).startsWith("-ERR");
            assertThat(client.command("USER " + dave.address())).startsWith("+OK");
            assertThat(client.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("+OK");
            assertThat(client.command("RETR 1")).startsWith("+OK");
            assertThat(new String(client.readBodyBytes(), StandardCharsets.UTF_8)).isEqualTo(big);
            client.sendRaw("RETR 2\r\nRETR 1\r\nNOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(client.readLine()).startsWith("+OK");
            client.readBody();
            assertThat(client.readLine()).startsWith("+OK");
            assertThat(new String(client.readBodyBytes(), StandardCharsets.UTF_8)).isEqualTo(big);
            assertThat(client.readLine()).isEqualTo("+OK");
        }
    }

    @Test
    void garbageInsteadOfAHandshakeClosesOnlyThatConnection() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Pop3Fixture.tlsPort(server))) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write("USER plain text on the TLS port\r\n".repeat(20).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int b;
            do {
                b = socket.getInputStream().read();
            } while (b >= 0);
        } catch (java.net.SocketException reset) {
            // a reset is as good as a close
        }
        try (Pop3Client client = Pop3Client.connectTls(Pop3Fixture.tlsPort(server), fixture.clientTls)) {
            assertThat(client.readLine()).startsWith("+OK");
        }
    }
}
