package io.tenmail.imap.it;

import io.tenmail.storage.model.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** QRESYNC (RFC 7162 §3.2) against the real server: ENABLE, SELECT (QRESYNC ...), VANISHED. */
class QresyncIT {
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
        return c;
    }

    private static long code(List<String> lines, String code) {
        Pattern p = Pattern.compile("\\[" + code + " (\\d+)]");
        for (String l : lines) {
            Matcher m = p.matcher(l);
            if (m.find()) return Long.parseLong(m.group(1));
        }
        throw new AssertionError(code + " not in " + lines);
    }

    /** Five messages; returns {UIDVALIDITY, HIGHESTMODSEQ} as a client saw them before going offline. */
    private static long[] mailboxWithFive(Account a) throws Exception {
        for (int i = 1; i <= 5; i++) server.deliver(a, "INBOX", "Subject: m" + i + "\n\nbody " + i + "\n");
        try (ImapClient c = login(a)) {
            List<String> select = c.command("s", "SELECT INBOX (CONDSTORE)");
            return new long[] {code(select, "UIDVALIDITY"), code(select, "HIGHESTMODSEQ")};
        }
    }

    /** Another client flags 2 and expunges 3 and 4. */
    private static void changeWhileOffline(Account a) throws Exception {
        try (ImapClient c = login(a)) {
            c.command("s", "SELECT INBOX");
            c.command("f", "UID STORE 2 +FLAGS.SILENT (\\Flagged)");
            c.command("d", "UID STORE 3:4 +FLAGS.SILENT (\\Deleted)");
            assertThat(c.command("e", "EXPUNGE")).last().asString().startsWith("e OK");
        }
    }

    @Test
    void qresyncIsAnnouncedAndEnabled() throws Exception {
        Account a = server.account("qr");
        try (ImapClient c = login(a)) {
            assertThat(c.command("c", "CAPABILITY").get(0)).contains(" QRESYNC ").contains(" CONDSTORE ");
            assertThat(c.command("e", "ENABLE QRESYNC")).containsExactly("* ENABLED QRESYNC", "e OK ENABLE completed");
        }
    }

    @Test
    void selectWithQresyncParameterNeedsEnableFirst() throws Exception {
        Account a = server.account("qr");
        try (ImapClient c = login(a)) {
            assertThat(c.command("s", "SELECT INBOX (QRESYNC (1 1))")).last().asString().startsWith("s BAD ");
            assertThat(c.command("f", "NOOP")).last().asString().startsWith("f OK");
        }
    }

    @Test
    void selectReportsWhatVanishedAndChangedSinceTheClientsModseq() throws Exception {
        Account a = server.account("qr");
        long[] seen = mailboxWithFive(a);
        changeWhileOffline(a);
        try (ImapClient c = login(a)) {
            c.command("e", "ENABLE QRESYNC");
            List<String> lines = c.command("s", "SELECT INBOX (QRESYNC (" + seen[0] + " " + seen[1] + " 1:5))");
            assertThat(lines).contains("* 3 EXISTS", "* VANISHED (EARLIER) 3:4")
                    .anyMatch(l -> l.matches("\\* 2 FETCH \\(UID 2 FLAGS \\(\\\\Flagged\\) MODSEQ \\(\\d+\\)\\)"))
                    .noneMatch(l -> l.contains("UID 1 ") || l.contains("UID 5 "));
            assertThat(lines.indexOf("* VANISHED (EARLIER) 3:4")).isGreaterThan(indexOf(lines, "HIGHESTMODSEQ"));
            assertThat(lines).last().asString().startsWith("s OK [READ-WRITE]");
        }
    }

    @Test
    void knownUidsLimitWhatIsReported() throws Exception {
        Account a = server.account("qr");
        long[] seen = mailboxWithFive(a);
        changeWhileOffline(a);
        try (ImapClient c = login(a)) {
            c.command("e", "ENABLE QRESYNC");
            // RFC 7162 §3.2.5: the client knows only UIDs 1 and 3 (and sends sequence match data, not needed here)
            List<String> lines = c.command("s", "EXAMINE INBOX (QRESYNC (" + seen[0] + " " + seen[1] + " 1,3 (1:2 1,3)))");
            assertThat(lines).contains("* VANISHED (EARLIER) 3").noneMatch(l -> l.contains("FETCH"));
            assertThat(lines).last().asString().startsWith("s OK [READ-ONLY]");
        }
    }

    @Test
    void aDifferentUidValidityGetsAPlainSelect() throws Exception {
        Account a = server.account("qr");
        long[] seen = mailboxWithFive(a);
        changeWhileOffline(a);
        try (ImapClient c = login(a)) {
            c.command("e", "ENABLE QRESYNC");
            List<String> lines = c.command("s", "SELECT INBOX (QRESYNC (" + (seen[0] + 1) + " " + seen[1] + "))");
            assertThat(lines).noneMatch(l -> l.contains("VANISHED") || l.contains("FETCH")).contains("* 3 EXISTS");
        }
    }

    @Test
    void uidFetchWithVanishedReportsExpungedUidsFirst() throws Exception {
        Account a = server.account("qr");
        long[] seen = mailboxWithFive(a);
        changeWhileOffline(a);
        try (ImapClient c = login(a)) {
            c.command("s0", "SELECT INBOX");
            assertThat(c.command("v0", "UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + seen[1] + " VANISHED)")).last().asString()
                    .startsWith("v0 BAD ");
            c.command("e", "ENABLE QRESYNC");
            List<String> lines = c.command("v", "UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + seen[1] + " VANISHED)");
            assertThat(lines.get(0)).isEqualTo("* VANISHED (EARLIER) 3:4");
            assertThat(lines.get(1)).matches("\\* 2 FETCH \\(UID 2 FLAGS \\(\\\\Flagged\\) MODSEQ \\(\\d+\\)\\)");
            assertThat(lines).hasSize(3);
            // only the requested UIDs
            assertThat(c.command("w", "UID FETCH 4:5 (FLAGS) (CHANGEDSINCE " + seen[1] + " VANISHED)"))
                    .containsExactly("* VANISHED (EARLIER) 4", "w OK UID FETCH completed");
        }
    }

    @Test
    void afterEnableExpungesAreReportedAsVanished() throws Exception {
        Account a = server.account("qr");
        for (int i = 1; i <= 3; i++) server.deliver(a, "INBOX", "Subject: m" + i + "\n\nbody\n");
        try (ImapClient c = login(a); ImapClient other = login(a)) {
            c.command("e", "ENABLE QRESYNC");
            c.command("s", "SELECT INBOX");
            other.command("s", "SELECT INBOX");
            c.command("d", "STORE 1 +FLAGS.SILENT (\\Deleted)");
            List<String> expunge = c.command("x", "EXPUNGE");
            assertThat(expunge).contains("* VANISHED 1").noneMatch(l -> l.endsWith("EXPUNGE"));
            // RFC 7162 §3.2.7: the tagged OK says up to where the client is now in sync
            assertThat(expunge.get(expunge.size() - 1)).matches("x OK \\[HIGHESTMODSEQ \\d+] EXPUNGE completed");
            // another session's expunge, too
            other.command("d", "UID STORE 3 +FLAGS.SILENT (\\Deleted)");
            other.command("x", "EXPUNGE");
            assertThat(c.command("n", "NOOP")).contains("* VANISHED 3").noneMatch(l -> l.endsWith("EXPUNGE"));
            // and CLOSED when another mailbox is selected (RFC 7162 §3.2.11)
            assertThat(c.command("s2", "SELECT Sent").get(0)).startsWith("* OK [CLOSED]");
        }
    }

    @Test
    void heldBackExpungesComeWithAHighestModseqBelowThem() throws Exception {
        Account a = server.account("qr");
        for (int i = 1; i <= 3; i++) server.deliver(a, "INBOX", "Subject: m" + i + "\n\nbody\n");
        try (ImapClient c = login(a); ImapClient other = login(a)) {
            c.command("e", "ENABLE QRESYNC");
            long selected = code(c.command("s", "SELECT INBOX"), "HIGHESTMODSEQ");
            other.command("s", "SELECT INBOX");
            other.command("d", "UID STORE 1 +FLAGS.SILENT (\\Deleted)");
            other.command("x", "EXPUNGE");
            // RFC 9051 §7.5.1 holds the expunge back during STORE by number; the FETCH MODSEQ is above it,
            // so RFC 7162 §3.2 wants a HIGHESTMODSEQ below the expunge
            List<String> store = c.command("f", "STORE 2 +FLAGS (\\Flagged)");
            long fetchModSeq = Long.parseLong(store.stream().filter(l -> l.startsWith("* 2 FETCH"))
                    .findFirst().orElseThrow().replaceAll(".*MODSEQ \\((\\d+)\\).*", "$1"));
            long highest = code(store, "HIGHESTMODSEQ");
            assertThat(highest).isLessThan(fetchModSeq).isGreaterThanOrEqualTo(selected);
            assertThat(store).noneMatch(l -> l.contains("VANISHED"));
            assertThat(c.command("n", "NOOP")).contains("* VANISHED 1").noneMatch(l -> l.contains("HIGHESTMODSEQ"));
            // resynchronizing from that value finds the expunge
            c.command("u", "UNSELECT");
            long uidValidity = code(c.command("s2", "EXAMINE INBOX"), "UIDVALIDITY");
            assertThat(c.command("s3", "EXAMINE INBOX (QRESYNC (" + uidValidity + " " + highest + "))"))
                    .contains("* VANISHED (EARLIER) 1");
        }
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(part)) return i;
        return -1;
    }
}
