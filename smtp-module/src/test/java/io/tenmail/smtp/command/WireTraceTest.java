package io.tenmail.smtp.command;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tenmail.smtp.session.ListenerRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** STYLE.md §7: wire traces at TRACE show commands and replies, never secrets or message bodies. */
class WireTraceTest {
    private final Logger wire = (Logger) LoggerFactory.getLogger("io.tenmail.wire.smtp");
    private final ListAppender<ILoggingEvent> trace = new ListAppender<>();
    private Level level;

    @BeforeEach
    void capture() {
        level = wire.getLevel();
        wire.setLevel(Level.TRACE);
        trace.start();
        wire.addAppender(trace);
    }

    @AfterEach
    void release() {
        wire.detachAppender(trace);
        wire.setLevel(level);
    }

    private List<String> lines() {
        return trace.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void commandsAndRepliesAreTracedWithAuthMasked() {
        SessionHarness s = new SessionHarness(ListenerRole.SMTPS);
        s.ehlo();
        String secret = SessionHarness.plain("alice@example.test", "alice-pw");
        s.cmd("AUTH PLAIN " + secret, "235 2.7.0");
        s.cmd("AUTH LOGIN", "503 5.5.1");
        assertThat(lines()).contains("C: EHLO client.example.test", "C: AUTH PLAIN ****", "S: 235 2.7.0 Authentication successful");
        assertThat(String.join("\n", lines())).doesNotContain(secret, "alice-pw");
    }

    @Test
    void saslResponsesAndMessageBodiesAreNeverTraced() {
        SessionHarness s = new SessionHarness(ListenerRole.SMTPS);
        s.ehlo();
        s.cmd("AUTH LOGIN", "334");
        s.cmd(java.util.Base64.getEncoder().encodeToString("bob@example.test".getBytes()), "334");
        String password = java.util.Base64.getEncoder().encodeToString("bob-pw".getBytes());
        s.cmd(password, "235 2.7.0");
        s.envelope("bob@example.test", "alice@example.test");
        s.cmd("DATA", "354");
        s.cmd("Subject: confidential merger\r\n\r\nthe body\r\n.", "250 2.0.0");
        String all = String.join("\n", lines());
        assertThat(all).doesNotContain(password, "confidential merger", "the body").contains("C: DATA", "S: 354");
    }
}
