package io.tenmail.imap.it;

import io.tenmail.storage.model.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two sessions on one mailbox see each other's changes (RFC 9051 §7.5.1 rules for EXPUNGE). */
class SharedMailboxIT {
    @TempDir
    static Path dir;
    static ImapTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ImapTestServer(dir);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static ImapClient login(Account a) throws Exception {
        ImapClient c = new ImapClient(server.imapPort());
        c.readLine();
        assertThat(c.command("l", "LOGIN " + a.address() + " " + ImapTestServer.PASSWORD)).last().asString().startsWith("l OK");
        assertThat(c.command("s", "SELECT INBOX")).last().asString().startsWith("s OK");
        return c;
    }

    @Test
    void sessionsSeeEachOthersFlagChangesAndExpunges() throws Exception {
        Account alice = server.account("shared");
        server.deliver(alice, "INBOX", "Subject: one\n\n1\n");
        server.deliver(alice, "INBOX", "Subject: two\n\n2\n");
        try (ImapClient first = login(alice); ImapClient second = login(alice)) {
            first.command("a1", "STORE 1 +FLAGS.SILENT (\\Flagged)");
            assertThat(second.command("b1", "NOOP")).contains("* 1 FETCH (UID 1 FLAGS (\\Flagged))");

            first.command("a2", "STORE 1 +FLAGS.SILENT (\\Deleted)");
            first.command("a3", "EXPUNGE");
            // RFC 9051 §7.5.1: no EXPUNGE while a FETCH by sequence number runs; message 2 keeps its number
            List<String> fetch = second.command("b2", "FETCH 2 (UID)");
            assertThat(fetch).noneMatch(l -> l.endsWith("EXPUNGE")).contains("* 2 FETCH (UID 2)");
            assertThat(second.command("b3", "NOOP")).contains("* 1 EXPUNGE");
            assertThat(second.command("b4", "FETCH 1 (UID)")).contains("* 1 FETCH (UID 2)");
        }
    }

    @Test
    void deliveryWakesAnIdleSessionAtOnce() throws Exception {
        Account alice = server.account("idle");
        try (ImapClient c = login(alice)) {
            c.send("i1 IDLE");
            assertThat(c.readLine()).isEqualTo("+ idling");
            c.setTimeout(5_000);   // the deadline: the update must arrive well within it
            server.deliver(alice, "INBOX", "Subject: wake up\n\nnow\n");
            assertThat(c.readLine()).isEqualTo("* 1 EXISTS");
            c.send("DONE");
            assertThat(c.readUntilTagged("i1")).last().asString().startsWith("i1 OK");
        }
    }

    @Test
    void appendByAnotherSessionWakesIdle() throws Exception {
        Account alice = server.account("idle");
        try (ImapClient idler = login(alice); ImapClient other = login(alice)) {
            idler.send("i1 IDLE");
            assertThat(idler.readLine()).isEqualTo("+ idling");
            idler.setTimeout(5_000);
            other.send("a1 APPEND INBOX {12+}");
            other.send("Subject: x\r\n");
            assertThat(other.readUntilTagged("a1")).last().asString().startsWith("a1 OK [APPENDUID");
            assertThat(idler.readLine()).isEqualTo("* 1 EXISTS");
            idler.send("DONE");
            assertThat(idler.readUntilTagged("i1")).last().asString().startsWith("i1 OK");
        }
    }

    @Test
    void authenticatePlainWithInitialResponseLogsIn() throws Exception {
        Account alice = server.account("sasl");
        String ir = java.util.Base64.getEncoder().encodeToString(("\0" + alice.address() + "\0" + ImapTestServer.PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (ImapClient c = new ImapClient(server.imapPort())) {
            c.readLine();
            assertThat(c.command("a1", "AUTHENTICATE PLAIN " + ir)).last().asString().startsWith("a1 OK [CAPABILITY");
        }
        try (ImapClient c = new ImapClient(server.imapPort())) {
            c.readLine();
            c.send("a1 AUTHENTICATE LOGIN");
            assertThat(c.readLine()).isEqualTo("+ VXNlcm5hbWU6");
            c.send(java.util.Base64.getEncoder().encodeToString(alice.address().toString().getBytes()));
            assertThat(c.readLine()).isEqualTo("+ UGFzc3dvcmQ6");
            c.send(java.util.Base64.getEncoder().encodeToString("wrong".getBytes()));
            assertThat(c.readUntilTagged("a1")).last().asString().startsWith("a1 NO [AUTHENTICATIONFAILED]");
        }
    }
}
