package io.tenmail.imap.session;

import io.tenmail.imap.ImapSettings;
import io.tenmail.imap.command.CommandDispatcher;
import io.tenmail.imap.command.ImapBackend;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.Directory;
import io.tenmail.storage.MailboxEvents;
import io.tenmail.storage.MailboxStore;
import io.tenmail.storage.mime.MessageParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Session-level behaviour before login, with a recording connection and no storage behind it. */
class ImapSessionTest {

    /** Records what the session writes and does to its connection. */
    static final class RecordingConnection implements Connection {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final List<String> events = new ArrayList<>();
        boolean secure;
        InetAddress remote;

        RecordingConnection(String remote) throws Exception {
            this.remote = InetAddress.getByName(remote);
        }

        @Override public String id() { return "t1"; }
        @Override public void write(byte[] bytes) { written.writeBytes(bytes); }
        @Override public void startTls(byte[] cleartext) { written.writeBytes(cleartext); secure = true; events.add("tls"); }
        @Override public void startCompression(byte[] uncompressed) { written.writeBytes(uncompressed); events.add("deflate"); }
        @Override public boolean isCompressed() { return events.contains("deflate"); }
        @Override public boolean isSecure() { return secure; }
        @Override public InetAddress remoteAddress() { return remote; }
        @Override public void close() { events.add("close"); }
        @Override public void setInactivityTimeout(Duration timeout) { events.add("timeout " + timeout.toSeconds()); }
        @Override public void execute(Runnable task) { task.run(); }

        List<String> lines() {
            String all = written.toString(StandardCharsets.UTF_8);
            written.reset();
            return List.of(all.split("\r\n"));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T unused(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            throw new AssertionError("storage must not be used before login: " + m.getName());
        });
    }

    private static ImapSession session(RecordingConnection c) {
        ImapBackend backend = new ImapBackend(unused(Directory.class), unused(MailboxStore.class), unused(BlobStore.class),
                unused(MailboxEvents.class), new MessageParser(), LoginThrottle.withDefaults(), Clock.systemUTC());
        ImapSession s = new ImapSession(c, ImapSettings.forTests(), CommandDispatcher.create(backend),
                () -> io.tenmail.imap.wire.LiteralSpool.MEMORY);
        s.start();
        return s;
    }

    private static void send(ImapSession s, String text) {
        s.receive(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void remoteClientWithoutTlsIsToldLoginIsDisabledAndRefused() throws Exception {
        RecordingConnection c = new RecordingConnection("192.0.2.7");
        ImapSession s = session(c);
        assertThat(c.lines().get(0)).contains("STARTTLS").contains("LOGINDISABLED").doesNotContain("AUTH=PLAIN");
        assertThat(c.events).contains("timeout 120");
        send(s, "a1 LOGIN alice@example.test secret\r\n");
        assertThat(c.lines()).containsExactly("a1 NO [PRIVACYREQUIRED] Use STARTTLS before logging in");
        send(s, "a2 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==\r\n");
        assertThat(c.lines()).containsExactly("a2 NO [PRIVACYREQUIRED] Use STARTTLS before logging in");
    }

    @Test
    void startTlsDiscardsCommandsPipelinedBehindIt() throws Exception {
        RecordingConnection c = new RecordingConnection("192.0.2.7");
        ImapSession s = session(c);
        c.lines();
        send(s, "a1 STARTTLS\r\na2 LOGIN injected by someone\r\n");
        assertThat(c.lines()).containsExactly("a1 OK Begin TLS negotiation now");
        assertThat(c.events).contains("tls");
        send(s, "a3 CAPABILITY\r\n");
        List<String> caps = c.lines();
        assertThat(caps.get(0)).contains("AUTH=PLAIN").doesNotContain("STARTTLS");
        assertThat(caps.get(1)).isEqualTo("a3 OK CAPABILITY completed");
    }

    @Test
    void commandsOfOtherStatesAreBadAndTheSessionGoesOn() throws Exception {
        RecordingConnection c = new RecordingConnection("127.0.0.1");
        ImapSession s = session(c);
        c.lines();
        send(s, "a1 FETCH 1 FLAGS\r\na2 SELECT INBOX\r\na3 NOOP\r\n");
        assertThat(c.lines()).containsExactly(
                "a1 BAD FETCH is not valid in the not authenticated state",
                "a2 BAD SELECT is not valid in the not authenticated state",
                "a3 OK NOOP completed");
    }

    @Test
    void logoutSaysByeThenOkThenCloses() throws Exception {
        RecordingConnection c = new RecordingConnection("127.0.0.1");
        ImapSession s = session(c);
        c.lines();
        send(s, "a1 LOGOUT\r\na2 NOOP\r\n");
        assertThat(c.lines()).containsExactly("* BYE Logging out", "a1 OK LOGOUT completed");
        assertThat(c.events).contains("close");
        assertThat(s.state()).isEqualTo(ImapState.LOGOUT);
    }
}
