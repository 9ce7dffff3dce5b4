package io.tenmail.imap.it;

import io.tenmail.storage.model.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** SORT, ESORT, SORT=DISPLAY (RFC 5256, 5267, 5957) and THREAD (RFC 5256) against the real server. */
class SortThreadIT {
    @TempDir
    static Path dir;
    static ImapTestServer server;
    static Account alice;

    @BeforeAll
    static void start() throws Exception {
        server = new ImapTestServer(dir);
        alice = server.account("sort");
        // 1: the original; 2: a reply (References); 3: unrelated; 4: reply to 2, but only In-Reply-To; 5: "Re:" without references
        deliver("<a@x>", null, null, "Carol <carol@example.test>", "zed@example.test", "Plans", "Tue, 7 Jan 2025 10:00:00 +0000", 40);
        deliver("<b@x>", "<a@x>", "<a@x>", "=?UTF-8?Q?Bj=C3=B6rn?= <bjorn@example.test>", "amy@example.test",
                "Re: Plans", "Tue, 7 Jan 2025 11:00:00 +0000", 300);
        deliver("<c@x>", null, null, "adam@example.test", "Yann <yann@example.test>", "[list] Budget",
                "Mon, 6 Jan 2025 09:00:00 +0000", 10);
        deliver("<d@x>", null, "<b@x>", "Dora <dora@example.test>", "bob@example.test", "RE: Re: plans",
                "Wed, 8 Jan 2025 08:00:00 +0100", 20);
        deliver("<e@x>", null, null, "Eve <eve@example.test>", "cid@example.test", "Re: budget", "not a date", 30);
    }

    private static void deliver(String id, String references, String inReplyTo, String from, String to, String subject,
                                String date, int bodyLines) throws Exception {
        StringBuilder m = new StringBuilder("From: " + from + "\nTo: " + to + "\nSubject: " + subject + "\nDate: " + date
                + "\nMessage-ID: " + id + "\n");
        if (references != null) m.append("References: ").append(references).append('\n');
        if (inReplyTo != null) m.append("In-Reply-To: ").append(inReplyTo).append('\n');
        m.append('\n');
        m.append("line\n".repeat(bodyLines));
        server.deliver(alice, "INBOX", m.toString());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static ImapClient select() throws Exception {
        ImapClient c = new ImapClient(server.imapPort());
        c.readLine();
        c.command("l", "LOGIN " + alice.address() + " " + ImapTestServer.PASSWORD);
        c.command("s", "SELECT INBOX");
        return c;
    }

    @Test
    void sortAndThreadAreAnnounced() throws Exception {
        try (ImapClient c = select()) {
            assertThat(c.command("c", "CAPABILITY").get(0)).contains(" SORT ", " SORT=DISPLAY ", " ESORT ",
                    " THREAD=ORDEREDSUBJECT ", " THREAD=REFERENCES ");
        }
    }

    @Test
    void sortsByBaseSubjectThenSequence() throws Exception {
        try (ImapClient c = select()) {
            // budget: 3, 5; plans: 1, 2, 4
            assertThat(c.command("a", "SORT (SUBJECT) UTF-8 ALL")).containsExactly("* SORT 3 5 1 2 4", "a OK SORT completed");
            assertThat(c.command("b", "SORT (SUBJECT REVERSE ARRIVAL) UTF-8 ALL")).first().isEqualTo("* SORT 5 3 4 2 1");
        }
    }

    @Test
    void sortsBySentDateFallingBackToInternalDate() throws Exception {
        try (ImapClient c = select()) {
            // 3 (6 Jan) 1 (7 Jan 10:00) 2 (11:00) 4 (8 Jan 07:00Z); 5 has no usable date: its arrival, today
            assertThat(c.command("a", "SORT (DATE) UTF-8 ALL")).first().isEqualTo("* SORT 3 1 2 4 5");
            assertThat(c.command("b", "SORT (REVERSE DATE) UTF-8 ALL")).first().isEqualTo("* SORT 5 4 2 1 3");
        }
    }

    @Test
    void sortsByAddressesSizeAndSearchKey() throws Exception {
        try (ImapClient c = select()) {
            assertThat(c.command("a", "SORT (FROM) UTF-8 ALL")).first().isEqualTo("* SORT 3 2 1 4 5");
            assertThat(c.command("b", "SORT (TO) UTF-8 ALL")).first().isEqualTo("* SORT 2 4 5 3 1");
            assertThat(c.command("c", "SORT (SIZE) UTF-8 ALL")).first().isEqualTo("* SORT 3 4 5 1 2");
            assertThat(c.command("d", "SORT (REVERSE SIZE) UTF-8 SUBJECT plans")).first().isEqualTo("* SORT 2 1 4");
            assertThat(c.command("e", "UID SORT (SIZE) UTF-8 NOT FROM eve")).first().isEqualTo("* SORT 3 4 1 2");
            // RFC 5957: display names, decoded; the address where there is none
            assertThat(c.command("f", "SORT (DISPLAYFROM) UTF-8 ALL")).first().isEqualTo("* SORT 3 2 1 4 5");
            assertThat(c.command("g", "SORT (DISPLAYTO) UTF-8 ALL")).first().isEqualTo("* SORT 2 4 5 3 1");
        }
    }

    @Test
    void esortReturnsMinMaxCountAndAllInSortOrder() throws Exception {
        try (ImapClient c = select()) {
            assertThat(c.command("a", "UID SORT RETURN (MIN MAX COUNT ALL) (SUBJECT) UTF-8 ALL"))
                    .containsExactly("* ESEARCH (TAG \"a\") UID MIN 3 MAX 4 ALL 3,5,1:2,4 COUNT 5", "a OK UID SORT completed");
            assertThat(c.command("b", "SORT RETURN () (DATE) UTF-8 ALL")).first().isEqualTo("* ESEARCH (TAG \"b\") ALL 3,1:2,4:5");
            assertThat(c.command("c", "SORT RETURN (COUNT) (DATE) UTF-8 SUBJECT nothing-like-this"))
                    .first().isEqualTo("* ESEARCH (TAG \"c\") COUNT 0");
        }
    }

    @Test
    void threadsByReferences() throws Exception {
        try (ImapClient c = select()) {
            // 1 <- 2 <- 4 by References and In-Reply-To; 5 "Re: budget" joins 3 by subject
            assertThat(c.command("a", "THREAD REFERENCES UTF-8 ALL"))
                    .containsExactly("* THREAD (3 5)(1 2 4)", "a OK THREAD completed");
            assertThat(c.command("b", "UID THREAD REFERENCES UTF-8 NOT SUBJECT budget")).first().isEqualTo("* THREAD (1 2 4)");
            assertThat(c.command("c", "THREAD REFERENCES UTF-8 SUBJECT nothing-like-this")).first().isEqualTo("* THREAD");
        }
    }

    @Test
    void threadsByOrderedSubject() throws Exception {
        try (ImapClient c = select()) {
            assertThat(c.command("a", "THREAD ORDEREDSUBJECT UTF-8 ALL"))
                    .containsExactly("* THREAD (3 5)(1 (2)(4))", "a OK THREAD completed");
        }
    }

    @Test
    void sortAndThreadNeedASelectedMailbox() throws Exception {
        try (ImapClient c = new ImapClient(server.imapPort())) {
            c.readLine();
            c.command("l", "LOGIN " + alice.address() + " " + ImapTestServer.PASSWORD);
            assertThat(c.command("a", "SORT (DATE) UTF-8 ALL")).last().asString().startsWith("a BAD ");
            assertThat(c.command("b", "THREAD REFERENCES UTF-8 ALL")).last().asString().startsWith("b BAD ");
        }
    }
}
