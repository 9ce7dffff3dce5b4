package io.tenmail.smtp.command;

import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.smtp.wire.Reply;
import io.tenmail.smtp.wire.SmtpVerb;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandDispatcherTest {

    @Test
    void theGreetingNamesTheServer() {
        SessionHarness s = SessionHarness.mx();
        assertThat(s.connection.sent().get(0).render()).isEqualTo("220 mx.example.test ESMTP ready\r\n");
    }

    @Test
    void unknownCommandsAndBadSyntaxAreAnsweredAndCounted() {
        SessionHarness s = SessionHarness.mx();
        s.cmd("FOOBAR", "500 5.5.1");
        s.cmd("MAIL FROM:<a@elsewhere.test>", "503 5.5.1");
        s.ehlo();
        s.cmd("MAIL FROM:nobrackets@example.test", "501 5.1.7");
        s.cmd("RCPT TO:<alice@example.test>", "503 5.5.1");
        assertThat(s.session.errors()).isEqualTo(4);
    }

    @Test
    void afterTooManyBadCommandsTheServerSays421AndCloses() {
        SessionHarness s = new SessionHarness(ListenerRole.MX, b -> b.maxBadCommands(3));
        s.cmd("FOO", "500 5.5.1");
        s.cmd("BAR", "500 5.5.1");
        List<Reply> last = s.feed("BAZ\r\nNOOP\r\n");
        assertThat(last).extracting(Reply::status).containsExactly("500 5.5.1", "421 4.7.0");
        assertThat(s.connection.closed()).isTrue();
    }

    @Test
    void afterTooManyCommandsTheServerSays421AndCloses() {
        SessionHarness s = new SessionHarness(ListenerRole.MX, b -> b.maxCommandsPerConnection(10));
        for (int i = 0; i < 10; i++) s.cmd("NOOP", "250 2.0.0");
        s.cmd("NOOP", "421 4.7.0");
        assertThat(s.connection.closed()).isTrue();
    }

    @Test
    void aLineOverTheLimitIsRefusedAndTheSessionGoesOn() {
        SessionHarness s = SessionHarness.mx();
        s.cmd("NOOP " + "x".repeat(1000), "500 5.5.2");
        s.cmd("NOOP", "250 2.0.0");
    }

    @Test
    void pipelinedRepliesGoOutTogether() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        int before = s.connection.flushes();
        List<Reply> replies = s.feed("MAIL FROM:<a@elsewhere.test>\r\nRCPT TO:<alice@example.test>\r\nRCPT TO:<nobody@example.test>\r\n"
                + "RCPT TO:<bob@example.test>\r\nDATA\r\n");
        assertThat(replies).extracting(Reply::status).containsExactly("250 2.1.0", "250 2.1.5", "550 5.1.1", "250 2.1.5", "354");
        assertThat(s.connection.flushes()).isEqualTo(before + 1);
    }

    @Test
    void commandsSplitAcrossPacketsAreReassembled() {
        SessionHarness s = SessionHarness.mx();
        assertThat(s.feed("EH")).isEmpty();
        assertThat(s.feed("LO client.example.test\r")).isEmpty();
        assertThat(s.feed("\nNO")).extracting(Reply::status).containsExactly("250");
        assertThat(s.feed("OP\r\n")).extracting(Reply::status).containsExactly("250 2.0.0");
    }

    @Test
    void vrfyNeverDisclosesAndExpnIsDisabled() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.cmd("VRFY alice", "252 2.5.0");
        s.cmd("VRFY nobody", "252 2.5.0");
        s.cmd("EXPN team", "502 5.5.1");
        s.cmd("HELP", "214 2.0.0");
    }

    @Test
    void quitSays221AndCloses() {
        SessionHarness s = SessionHarness.mx();
        s.cmd("QUIT", "221 2.0.0");
        assertThat(s.connection.closed()).isTrue();
        assertThat(s.feed("NOOP\r\n")).isEmpty();
    }

    @Test
    void anUnexpectedErrorIsAnsweredWithAReferenceAndClosesTheConnection() {
        SessionHarness s = SessionHarness.mx();
        s.ehlo();
        s.cmd("MAIL FROM:<a@elsewhere.test>", "250 2.1.0");
        s.directory.bug = new IllegalStateException("a bug");
        Reply reply = s.cmd("RCPT TO:<alice@example.test>", "451 4.3.0");
        assertThat(reply.lines().get(0)).matches("Internal error, ref [0-9a-f]{6}");
        assertThat(s.connection.closed()).isTrue();
    }

    @Test
    void theIdleTimeoutSays421AndCloses() {
        SessionHarness s = SessionHarness.mx();
        s.dispatcher.timeout(s.session);
        assertThat(s.connection.sent().get(s.connection.sent().size() - 1).status()).isEqualTo("421 4.4.2");
        assertThat(s.connection.closed()).isTrue();
    }

    @Test
    void authArgumentsAreMaskedForLogs() {
        assertThat(CommandDispatcher.masked("AUTH PLAIN AGFsaWNlAHNlY3JldA==")).isEqualTo("AUTH PLAIN ****");
        assertThat(CommandDispatcher.masked("auth login YWxpY2U=")).isEqualTo("auth login ****");
        assertThat(CommandDispatcher.masked("AUTH LOGIN")).isEqualTo("AUTH LOGIN");
        assertThat(CommandDispatcher.masked("MAIL FROM:<a@b>")).isEqualTo("MAIL FROM:<a@b>");
    }

    @Test
    void everyVerbNeedsExactlyOneHandler() {
        assertThatThrownBy(() -> new CommandDispatcher(List.of(new NoopCommand()))).hasMessageContaining("no handler for");
        assertThatThrownBy(() -> new CommandDispatcher(List.of(new NoopCommand(), new NoopCommand())))
                .hasMessageContaining("two handlers for " + SmtpVerb.NOOP);
    }
}
