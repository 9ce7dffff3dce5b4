package io.tenmail.imap.it;

import io.tenmail.storage.model.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SEARCH text keys answered by the full-text index (docs/adr/0010-full-text-index.md), with the
 * same answers as reading the messages: indexed messages, messages delivered after the index
 * caught up (read directly until it covers them), Chinese text, and other accounts' mail.
 */
class FullTextSearchIT {
    @TempDir
    static Path dir;
    static ImapTestServer server;
    static Account alice;
    static Account bob;

    @BeforeAll
    static void start() throws Exception {
        server = new ImapTestServer(dir);
        alice = server.account("fts");
        bob = server.account("fts");
        server.deliver(alice, "INBOX", "From: Carol <carol@example.test>\nSubject: Budget review\n\nThe quarterly   budget\nis approved.\n");
        String chinese = Base64.getMimeEncoder().encodeToString("请查收附件中的项目预算表。".getBytes(StandardCharsets.UTF_8));
        server.deliver(alice, "INBOX", "From: =?UTF-8?B?" + Base64.getEncoder().encodeToString("王小明".getBytes(StandardCharsets.UTF_8))
                + "?= <wang@example.test>\nSubject: =?UTF-8?B?" + Base64.getEncoder().encodeToString("预算".getBytes(StandardCharsets.UTF_8))
                + "?=\nMessage-ID: <m2@example.test>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n" + chinese + "\n");
        server.deliver(alice, "INBOX", "From: dave@example.test\nSubject: lunch\n\nNothing about money.\n");
        server.deliver(bob, "INBOX", "From: eve@example.test\nSubject: Budget\n\nbob's quarterly budget\n");
        server.index.awaitCaughtUp(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static ImapClient select(Account who) throws Exception {
        ImapClient c = new ImapClient(server.imapPort());
        c.readLine();
        c.command("l", "LOGIN " + who.address() + " " + ImapTestServer.PASSWORD);
        c.command("s", "SELECT INBOX");
        return c;
    }

    @Test
    void bodyAndTextSearchFindSubstringsAcrossLineBreaksInAnyCase() throws Exception {
        try (ImapClient c = select(alice)) {
            assertThat(c.command("a", "UID SEARCH BODY \"QUARTERLY BUDGET IS\"")).first().isEqualTo("* SEARCH 1");
            assertThat(c.command("b", "SEARCH TEXT \"budget review\"")).first().isEqualTo("* SEARCH 1");
            assertThat(c.command("c", "SEARCH BODY money")).first().isEqualTo("* SEARCH 3");
            assertThat(c.command("d", "SEARCH NOT BODY budget")).first().isEqualTo("* SEARCH 2 3");
            assertThat(c.command("e", "SEARCH OR SUBJECT lunch FROM carol")).first().isEqualTo("* SEARCH 1 3");
            assertThat(c.command("f", "SEARCH BODY nowhere")).first().isEqualTo("* SEARCH");
            assertThat(c.command("g", "SEARCH HEADER Message-ID \"<m2@\"")).first().isEqualTo("* SEARCH 2");
            assertThat(c.command("h", "SEARCH HEADER subject REVIEW")).first().isEqualTo("* SEARCH 1");
        }
    }

    @Test
    void chineseMailIsFoundByAWord() throws Exception {
        try (ImapClient c = select(alice)) {
            c.command("u", "ENABLE UTF8=ACCEPT");
            assertThat(c.command("a", "SEARCH CHARSET UTF-8 BODY \"项目预算\"")).first().isEqualTo("* SEARCH 2");
            assertThat(c.command("b", "SEARCH CHARSET UTF-8 SUBJECT \"预算\"")).first().isEqualTo("* SEARCH 2");
            assertThat(c.command("c", "SEARCH CHARSET UTF-8 FROM \"小明\"")).first().isEqualTo("* SEARCH 2");
            assertThat(c.command("d", "SEARCH CHARSET UTF-8 TEXT \"附件\"")).first().isEqualTo("* SEARCH 2");
        }
    }

    @Test
    void anotherAccountsMailIsNeverFound() throws Exception {
        try (ImapClient c = select(bob)) {
            assertThat(c.command("a", "SEARCH BODY budget")).first().isEqualTo("* SEARCH 1");
            assertThat(c.command("b", "SEARCH BODY approved")).first().isEqualTo("* SEARCH");
        }
    }

    @Test
    void aMessageTheIndexHasNotSeenYetIsStillFound() throws Exception {
        Account carol = server.account("fts");
        server.deliver(carol, "INBOX", "From: x@example.test\nSubject: one\n\nzucchini soup\n");
        server.index.awaitCaughtUp(Duration.ofSeconds(60));
        server.index.close();   // from now on nothing is indexed: the second message is only in the store
        server.deliver(carol, "INBOX", "From: x@example.test\nSubject: two\n\nzucchini bread\n");
        try (ImapClient c = select(carol)) {
            assertThat(c.command("a", "SEARCH BODY zucchini")).first().isEqualTo("* SEARCH 1 2");
            assertThat(c.command("b", "SEARCH BODY bread")).first().isEqualTo("* SEARCH 2");
        }
    }
}
