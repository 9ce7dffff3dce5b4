package io.tenmail.imap.it;

import io.tenmail.storage.model.Account;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every conversation in {@code src/test/resources/conversations/} against the real server
 * (STYLE.md §11): {@code C:} lines are sent, each {@code S:} line must match the next line the
 * server sends, {@code *} matching any text. {@code $USER} and {@code $PASS} name a fresh account
 * with the default mailboxes; {@code $DELIVER <subject>} delivers a message to its INBOX.
 */
class ConversationsIT {
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

    @TestFactory
    Stream<DynamicTest> conversations() throws Exception {
        Path folder = Path.of("src/test/resources/conversations");
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private void run(Path file) throws Exception {
        Account account = server.account("conv");
        List<String> script = Files.readAllLines(file, StandardCharsets.UTF_8);
        try (ImapClient client = new ImapClient(server.imapPort())) {
            int n = 0;
            for (String raw : script) {
                n++;
                if (raw.isBlank() || raw.startsWith("#")) continue;
                String line = raw.replace("$USER", account.address().toString()).replace("$PASS", ImapTestServer.PASSWORD);
                if (line.startsWith("C: ")) {
                    client.send(line.substring(3));
                } else if (line.startsWith("S: ")) {
                    String got = client.readLine();
                    assertThat(got).as("%s line %d", file.getFileName(), n).isNotNull();
                    assertThat(got).as("%s line %d", file.getFileName(), n).matches(glob(line.substring(3)));
                } else if (line.startsWith("$DELIVER ")) {
                    server.deliver(account, "INBOX", "From: Bob <bob@example.test>\nTo: " + account.address()
                            + "\nSubject: " + line.substring(9) + "\nDate: Mon, 6 Jan 2025 10:00:00 +0000\n"
                            + "Message-ID: <" + n + "@example.test>\n\nHello " + line.substring(9) + "\n");
                } else {
                    throw new IllegalArgumentException(file + " line " + n + ": unknown line " + raw);
                }
            }
        }
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!re.isEmpty()) re.append(".*");
            re.append(Pattern.quote(part));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
