package io.tenmail.smtp.command;

import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.smtp.SmtpSettings;
import io.tenmail.smtp.policy.MessageScreen;
import io.tenmail.smtp.policy.RateLimits;
import io.tenmail.smtp.session.FakeConnection;
import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Reply;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One SMTP session driven without sockets: the real dispatcher and commands over a {@link
 * FakeConnection}, {@link FakeDirectory} and {@link MemoryStores}. {@code cmd("RCPT TO:<x@y>",
 * "550 5.1.1")} sends a line and checks the reply's codes (STYLE.md §11).
 *
 * <p>The directory: alice@example.test ({@code alice-pw}, may also send as
 * sales@example.test), bob ({@code bob-pw}), carol (SMTP switched off), dave (app password
 * required), erin (disabled); group team@ admits alice, group all@ anyone.
 */
final class SessionHarness {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-01T10:00:00Z"), ZoneOffset.UTC);
    static final LoginThrottle.Policy LENIENT = new LoginThrottle.Policy(1000, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1));

    final FakeDirectory directory = new FakeDirectory()
            .user("alice@example.test", "alice-pw", "sales@example.test")
            .user("bob@example.test", "bob-pw")
            .user("carol@example.test", "carol-pw", io.tenmail.storage.model.AuthResult.Failure.PROTOCOL_DISABLED)
            .user("dave@example.test", "dave-pw", io.tenmail.storage.model.AuthResult.Failure.APP_PASSWORD_REQUIRED)
            .user("erin@example.test", "erin-pw", io.tenmail.storage.model.AuthResult.Failure.DISABLED)
            .group("team@example.test", "alice@example.test")
            .group("all@example.test", "*");
    final MemoryStores stores = new MemoryStores();
    /** What judges MX mail at the end of DATA; accepts everything unless a test sets it. */
    MessageScreen screen = MessageScreen.ACCEPT_ALL;
    final SmtpSettings settings;
    final FakeConnection connection = new FakeConnection("192.0.2.10");
    final SmtpSession session;
    final CommandDispatcher dispatcher;
    private boolean viaTls;

    SessionHarness(ListenerRole role) {
        this(role, b -> { }, new LoginThrottle(LENIENT, LENIENT, 100, CLOCK));
    }

    SessionHarness(ListenerRole role, Consumer<SmtpSettings.Builder> change) {
        this(role, change, new LoginThrottle(LENIENT, LENIENT, 100, CLOCK));
    }

    SessionHarness(ListenerRole role, Consumer<SmtpSettings.Builder> change, LoginThrottle throttle) {
        SmtpSettings.Builder builder = SmtpSettings.builder("mx.example.test",
                Path.of(System.getProperty("java.io.tmpdir"), "tenmail-smtp-unit-spool")).maxMessageSizeBytes(10_000).maxRecipients(3);
        change.accept(builder);
        settings = builder.build();
        dispatcher = CommandDispatcher.standard(directory, Optional.empty(), stores.mailQueue, stores.blobStore, throttle, CLOCK, () -> { }, RateLimits.none(),
                message -> screen.screen(message));
        session = new SmtpSession("s1", role, settings, connection);
        if (role == ListenerRole.SMTPS) handshake();
        dispatcher.open(session);
    }

    static SessionHarness mx() {
        return new SessionHarness(ListenerRole.MX);
    }

    static SessionHarness submission() {
        return new SessionHarness(ListenerRole.SUBMISSION);
    }

    /** The TLS handshake is complete: later input comes through TLS. */
    void handshake() {
        connection.secure();
        viaTls = true;
    }

    /** Feeds raw octets (ISO-8859-1) and returns the replies they caused. */
    List<Reply> feed(String raw) {
        return feed(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    List<Reply> feed(byte[] raw) {
        return feed(raw, viaTls);
    }

    List<Reply> feed(byte[] raw, boolean throughTls) {
        int before = connection.sent().size();
        dispatcher.receive(session, ByteBuffer.wrap(raw), throughTls);
        return List.copyOf(connection.sent().subList(before, connection.sent().size()));
    }

    /** Sends one command line and returns its single reply. */
    Reply cmd(String line) {
        List<Reply> replies = feed(line + "\r\n");
        assertThat(replies).as("replies to " + line).hasSize(1);
        return replies.get(0);
    }

    /** Sends one command line and checks the reply's codes, e.g. {@code "550 5.1.1"} or {@code "354"}. */
    Reply cmd(String line, String status) {
        Reply reply = cmd(line);
        assertThat(reply.status()).as("reply to " + line + ": " + reply).isEqualTo(status);
        return reply;
    }

    void ehlo() {
        cmd("EHLO client.example.test", "250");
    }

    /** STARTTLS, the handshake and EHLO again (not for SMTPS, which starts with TLS). */
    void startTls() {
        cmd("STARTTLS", "220 2.0.0");
        handshake();
        ehlo();
    }

    /** EHLO, TLS if needed, and AUTH PLAIN as this user. */
    void login(String user, String password) {
        ehlo();
        if (!session.isTls()) startTls();
        cmd("AUTH PLAIN " + plain(user, password), "235 2.7.0");
    }

    static String plain(String user, String password) {
        return java.util.Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** MAIL and one RCPT, both accepted. */
    void envelope(String from, String to) {
        cmd("MAIL FROM:<" + from + ">", "250 2.1.0");
        cmd("RCPT TO:<" + to + ">", "250 2.1.5");
    }
}
