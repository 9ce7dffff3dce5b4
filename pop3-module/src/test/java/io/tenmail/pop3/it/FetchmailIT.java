package io.tenmail.pop3.it;

import io.tenmail.pop3.Pop3Server;
import io.tenmail.storage.model.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * fetchmail (the Debian package), when it is on the PATH, as a "leave mail on the server" client:
 * download with keep, download again and get nothing new, get only a newly arrived message, then
 * let fetchmail delete what it has seen, and reconnect to an empty maildrop. It talks STLS with
 * full certificate checking against the server's self-signed certificate, like a careful user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class FetchmailIT {
    /** fetchmail's exit codes (man fetchmail, EXIT CODES). */
    private static final int MAIL_RETRIEVED = 0;
    private static final int NO_MAIL = 1;

    private Pop3Fixture fixture;
    private Pop3Server server;
    private Path dataDir;
    private Path work;

    @BeforeAll
    void start(@TempDir Path dataDir, @TempDir Path work) throws Exception {
        assumeTrue(onPath("fetchmail"), "fetchmail is not installed");
        this.dataDir = dataDir;
        this.work = work;
        fixture = new Pop3Fixture(dataDir);
        server = fixture.start(Pop3Fixture.settings().withAllowPlaintextOnLoopback(false));
    }

    @AfterAll
    void stop() {
        if (fixture != null) fixture.close();
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    @Test
    void keepsMailOnTheServerWithoutDownloadingItTwiceThenDeletesIt() throws Exception {
        Account alice = fixture.account("alice");
        fixture.deliver(alice, Pop3Fixture.message("first", "first body\r\n.dot line\r\n"));
        fixture.deliver(alice, Pop3Fixture.message("second", "second body\r\n"));
        Path inbox = Files.createDirectories(work.resolve("delivered"));

        assertThat(fetchmail(alice, inbox, "keep")).isEqualTo(MAIL_RETRIEVED);
        assertThat(delivered(inbox)).hasSize(2);
        assertThat(String.join("\n", contents(inbox))).contains("Subject: first", "Subject: second", "\n.dot line");
        assertThat(fixture.inboxCount(alice)).isEqualTo(2);
        awaitReleased(alice);

        assertThat(fetchmail(alice, inbox, "keep")).isEqualTo(NO_MAIL);
        assertThat(delivered(inbox)).hasSize(2);
        awaitReleased(alice);

        fixture.deliver(alice, Pop3Fixture.message("third", "third body\r\n"));
        assertThat(fetchmail(alice, inbox, "keep")).isEqualTo(MAIL_RETRIEVED);
        assertThat(delivered(inbox)).hasSize(3);
        assertThat(String.join("\n", contents(inbox))).contains("Subject: third");
        awaitReleased(alice);

        // no keep, and flush: delete what was retrieved before
        assertThat(fetchmail(alice, inbox, "flush")).isIn(MAIL_RETRIEVED, NO_MAIL);
        awaitReleased(alice);
        assertThat(fixture.inboxCount(alice)).isZero();
        assertThat(delivered(inbox)).hasSize(3);

        assertThat(fetchmail(alice, inbox, "keep")).isEqualTo(NO_MAIL);
        assertThat(delivered(inbox)).hasSize(3);
    }

    private void awaitReleased(Account account) throws Exception {
        Await.until("the maildrop is released", () -> !server.locks().isLocked(account.id()));
    }

    /** Runs fetchmail once; returns its exit code. */
    private int fetchmail(Account account, Path inbox, String options) throws Exception {
        Path certificate = dataDir.resolve("tls").resolve("self-signed.crt");
        Path rc = work.resolve("fetchmailrc");
        String config = "set no syslog\n"
                + "poll 127.0.0.1 protocol POP3 port " + Pop3Fixture.port(server) + " uidl timeout 30\n"
                + "  user \"" + account.address() + "\" there with password \"" + Pop3Fixture.PASSWORD + "\" is \"tester\" here\n"
                + "  " + options + "\n"
                // the certificate names localhost; we connect to 127.0.0.1 (the listener's only address)
                + "  sslproto 'TLS1.2+' sslcertck sslcertfile \"" + certificate + "\" sslcommonname localhost\n"
                + "  mda \"cat > " + inbox + "/msg-$$.eml\"\n";
        Files.writeString(rc, config, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        Path log = work.resolve("fetchmail.log");
        ProcessBuilder builder = new ProcessBuilder("fetchmail", "-v", "--nodetach", "-f", rc.toString(),
                "--idfile", work.resolve("fetchids").toString(), "--pidfile", work.resolve("fetchmail.pid").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("HOME", work.toString());
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) throw new AssertionError("fetchmail did not finish:\n" + Files.readString(log));
        } finally {
            process.destroyForcibly();
        }
        int exit = process.exitValue();
        if (exit != MAIL_RETRIEVED && exit != NO_MAIL) throw new AssertionError("fetchmail exited " + exit + ":\n" + Files.readString(log));
        return exit;
    }

    private static List<Path> delivered(Path inbox) throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static List<String> contents(Path inbox) throws IOException {
        List<String> all = new java.util.ArrayList<>();
        for (Path p : delivered(inbox)) all.add(Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        return all;
    }
}
