package io.tenmail.imap.it;

import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.Flags;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.UidRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The command-line clients users and scripts run against the server (STYLE.md §12): mbsync
 * syncing a mailbox both ways, curl listing and fetching, Python's imaplib. Each test is skipped
 * when its program is not installed.
 */
class CommandLineClientsIT {
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

    private static boolean installed(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) return true;
        }
        return false;
    }

    private record Result(int exit, String output) {
    }

    /** Runs a program with a deadline; output and errors together. */
    private static Result run(Path workdir, String... command) throws Exception {
        Path out = Files.createTempFile(workdir, "out", ".txt");
        Process p = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", command) + " did not finish: " + Files.readString(out));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    private static String message(String subject, String body) {
        return "From: Bob <bob@example.test>\nTo: someone@example.test\nSubject: " + subject
                + "\nDate: Mon, 6 Jan 2025 10:00:00 +0000\nMessage-ID: <" + subject.replace(' ', '-') + "@example.test>\n\n" + body + "\n";
    }

    private static List<MessageMeta> inbox(Account a) throws Exception {
        var box = server.store.mailbox(a.id(), new MailboxName("INBOX")).orElseThrow();
        return server.store.messages(a.id(), box.id(), List.of(UidRange.ALL));
    }

    private static List<Path> files(Path maildir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            Path d = maildir.resolve(sub);
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.list(d)) {
                s.forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void mbsyncSyncsAMailboxBothWays() throws Exception {
        assumeTrue(installed("mbsync"), "mbsync is not installed");
        Account a = server.account("mbsync");
        server.deliver(a, "INBOX", message("first", "one"));
        server.deliver(a, "INBOX", message("second", "two"));
        Path work = Files.createDirectories(dir.resolve("mbsync-" + a.id().value()));
        Path maildir = work.resolve("Maildir/INBOX");
        Files.createDirectories(work.resolve("Maildir"));
        Path config = work.resolve("mbsyncrc");
        Files.writeString(config, String.join("\n",
                "IMAPAccount tenmail", "Host 127.0.0.1", "Port " + server.imapPort(), "User " + a.address(),
                "Pass " + ImapTestServer.PASSWORD, "SSLType None", "AuthMechs LOGIN", "",
                "IMAPStore remote", "Account tenmail", "",
                "MaildirStore local", "Path " + work.resolve("Maildir") + "/", "Inbox " + maildir, "",
                "Channel sync", "Far :remote:", "Near :local:", "Patterns INBOX", "Create Both", "Expunge Both",
                "SyncState *", "Sync All", ""));

        // server to local
        Result first = run(work, "mbsync", "-c", config.toString(), "-a");
        assertThat(first.exit()).as(first.output()).isZero();
        List<Path> local = files(maildir);
        assertThat(local).hasSize(2);
        assertThat(local).anySatisfy(f -> assertThat(Files.readString(f)).contains("Subject: first"));

        // local to server: a new message, and \Seen on one that came from the server
        Path seen = local.stream().filter(f -> read(f).contains("Subject: second")).findFirst().orElseThrow();
        Files.move(seen, maildir.resolve("cur").resolve(seen.getFileName() + (seen.getFileName().toString().contains(":2,") ? "S" : ":2,S")));
        Files.writeString(maildir.resolve("new").resolve("1700000000.42_1.localhost"),
                message("written offline", "three").replace("\n", "\r\n"));
        Result second = run(work, "mbsync", "-c", config.toString(), "-a");
        assertThat(second.exit()).as(second.output()).isZero();
        List<MessageMeta> onServer = inbox(a);
        assertThat(onServer).hasSize(3);
        assertThat(onServer.get(1).flags().has(Flags.SystemFlag.SEEN)).isTrue();
        assertThat(onServer.get(0).flags().has(Flags.SystemFlag.SEEN)).isFalse();

        // an expunge on the server reaches the local copy
        try (ImapClient c = new ImapClient(server.imapPort())) {
            c.readLine();
            c.command("l", "LOGIN " + a.address() + " " + ImapTestServer.PASSWORD);
            c.command("s", "SELECT INBOX");
            c.command("d", "STORE 1 +FLAGS.SILENT (\\Deleted)");
            assertThat(c.command("x", "EXPUNGE")).contains("* 1 EXPUNGE");
        }
        Result third = run(work, "mbsync", "-c", config.toString(), "-a");
        assertThat(third.exit()).as(third.output()).isZero();
        assertThat(files(maildir)).hasSize(2).noneSatisfy(f -> assertThat(read(f)).contains("Subject: first"));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void curlListsMailboxesAndFetchesMessages() throws Exception {
        assumeTrue(installed("curl"), "curl is not installed");
        Account a = server.account("curl");
        server.deliver(a, "INBOX", message("for curl", "fetched by curl"));
        String base = "imap://127.0.0.1:" + server.imapPort();
        String user = a.address() + ":" + ImapTestServer.PASSWORD;

        Result list = run(dir, "curl", "-sS", "--max-time", "60", "-u", user, base + "/");
        assertThat(list.exit()).as(list.output()).isZero();
        assertThat(list.output()).contains("INBOX").contains("\\Sent").contains("Drafts");

        Result fetch = run(dir, "curl", "-sS", "--max-time", "60", "-u", user, base + "/INBOX;UID=1");
        assertThat(fetch.exit()).as(fetch.output()).isZero();
        assertThat(fetch.output()).contains("Subject: for curl").contains("fetched by curl");

        Result search = run(dir, "curl", "-sS", "--max-time", "60", "-u", user, base + "/INBOX?SUBJECT%20curl");
        assertThat(search.exit()).as(search.output()).isZero();
        assertThat(search.output()).contains("SEARCH 1");

        // over implicit TLS, trusting the test certificate
        Path ca = dir.resolve("ca-" + a.id().value() + ".pem");
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(server.material.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        Result tls = run(dir, "curl", "-sS", "--max-time", "60", "--cacert", ca.toString(), "--resolve",
                "localhost:" + server.imapsPort() + ":127.0.0.1", "-u", user,
                "imaps://localhost:" + server.imapsPort() + "/INBOX;UID=1;SECTION=HEADER.FIELDS%20(SUBJECT)");
        assertThat(tls.exit()).as(tls.output()).isZero();
        assertThat(tls.output()).contains("Subject: for curl");
    }

    @Test
    void pythonImaplibRunsAFullSession() throws Exception {
        assumeTrue(installed("python3"), "python3 is not installed");
        Account a = server.account("py");
        server.deliver(a, "INBOX", message("Plans", "plans"));
        server.deliver(a, "INBOX", message("Re: Plans", "reply"));
        Path script = dir.resolve("session-" + a.id().value() + ".py");
        Files.writeString(script, String.join("\n",
                "import imaplib, sys",
                "m = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))",
                "m.login(sys.argv[2], sys.argv[3])",
                "print('CAPS', m.capability()[1][0].decode())",
                "print('ENABLE', m.enable('QRESYNC')[0])",
                "typ, data = m.select('INBOX')",
                "print('SELECT', typ, data[0].decode())",
                "typ, data = m.search(None, 'SUBJECT', 'plans')",
                "print('SEARCH', data[0].decode())",
                "typ, data = m.fetch('2', '(BODY.PEEK[HEADER.FIELDS (SUBJECT)])')",
                "print('FETCH', data[0][1].decode().strip())",
                "typ, data = m.append('INBOX', '(\\\\Seen)', None, b'Subject: from python\\r\\n\\r\\nhi\\r\\n')",
                "print('APPEND', typ, data[0].decode())",
                "typ, data = m.sort('(REVERSE SUBJECT)', 'UTF-8', 'ALL')",
                "print('SORT', data[0].decode())",
                "typ, data = m.thread('REFERENCES', 'UTF-8', 'ALL')",
                "print('THREAD', data[0].decode())",
                "m.store('1', '+FLAGS', '\\\\Deleted')",
                "typ, data = m.expunge()",
                "print('EXPUNGE', typ)",
                "print('UNTAGGED', m.untagged_responses.get('VANISHED'))",
                "m.logout()",
                ""));
        Result r = run(dir, "python3", script.toString(), String.valueOf(server.imapPort()), a.address().toString(),
                ImapTestServer.PASSWORD);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output())
                .contains("QRESYNC").contains("THREAD=REFERENCES")
                .contains("ENABLE OK")
                .contains("SELECT OK 2")
                .contains("SEARCH 1 2")
                .contains("FETCH Subject: Re: Plans")
                .contains("APPEND OK [APPENDUID")
                .contains("SORT 1 2 3")
                .contains("THREAD (1 2)(3)")
                .contains("EXPUNGE OK")
                .contains("UNTAGGED [b'1']");
    }
}
