package io.tenmail.pop3.it;

import io.tenmail.pop3.Pop3Server;
import io.tenmail.pop3.Pop3Settings;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.Domain;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.MailboxName;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Not a test: the server for {@code ../shared/bench/pop3-load.py}, on the real store (embedded
 * Derby in a temporary directory). Creates user1..userK@bench.test with password "secret" and M
 * messages of about 10 KB each (BASELINE.md's workload: 50 × 40), starts POP3 on the given port
 * with plain-text login on loopback, prints {@code READY}, and runs until killed (SIGTERM), when
 * it closes the server and deletes its data. {@code scripts/bench-pop3} runs it against Dovecot.
 *
 * <pre>java -cp ... io.tenmail.pop3.it.Pop3BenchServer 10110 [users] [messagesPerUser]</pre>
 */
public final class Pop3BenchServer {
    private Pop3BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int messages = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Path dataDir = Files.createTempDirectory("pop3-bench-");
        Pop3Fixture fixture = new Pop3Fixture(dataDir);
        Domain bench = fixture.admin.createDomain(fixture.tenant.id(), "bench.test");
        String filler = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:!?-+*/=()[]{}<>\"'#%&_|~^ \r\n";
        for (int u = 1; u <= users; u++) {
            Account account = fixture.admin.createAccount(fixture.tenant.id(), new EmailAddress("user" + u, bench.name()),
                    "User " + u, "secret", 0);
            fixture.store.ensureDefaultMailboxes(account.id());
            var inbox = fixture.store.mailbox(account.id(), MailboxName.INBOX).orElseThrow().id();
            for (int m = 1; m <= messages; m++) {
                StringBuilder message = new StringBuilder(Pop3Fixture.message("bench " + u + "." + m, ""));
                while (message.length() < 10_240 - filler.length()) message.append(filler);
                fixture.deliver(account, inbox, message.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        Pop3Server server = fixture.start(new Pop3Settings("127.0.0.1", port, 0, true, false,
                Pop3Settings.DEFAULT_IDLE_TIMEOUT, Pop3Settings.DEFAULT_WORKER_THREADS));
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fixture.close();
            deleteTree(dataDir);
            stop.countDown();
        }));
        System.out.println("READY pop3 on 127.0.0.1:" + Pop3Fixture.port(server) + ", data in " + dataDir);
        stop.await();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }
}
