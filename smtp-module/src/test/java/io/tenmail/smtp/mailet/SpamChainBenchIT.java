package io.tenmail.smtp.mailet;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tenmail.smtp.it.SmtpClient;
import io.tenmail.protocol.dns.TestDnsServer;
import io.tenmail.smtp.spam.DkimKeys;
import io.tenmail.storage.MailboxEvents;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.MailboxEvent;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark of the spam chain's share of the SMTP end-to-end rate (docs/benchmarks.md, "Spam
 * chain"). Two systems in one JVM, same run, alternating: real SMTP (MX, loopback) into the queue,
 * the spooler, local delivery on Derby; "on" runs the shipped chain — the checks in "smtp-data" at
 * the end of DATA before 250, Bayes and the stamp in "root" (the client is made to look external
 * through {@code ProcessingSystem.remoteClient} and {@code PretendClient}), and a DNS responder on loopback holds the sender's
 * SPF, DKIM key and DMARC records), "off" the same container without the spam mailets. Each run:
 * {@code tenmail.bench.count} DKIM-signed 10 KB messages at concurrency
 * {@code tenmail.bench.concurrency}, timed from the first MAIL until the queue is empty, after
 * warm-up runs of the same size until both systems' rates are stable ({@link #warmUp}); then
 * {@code tenmail.bench.runs} measured runs (default 7). Logs each run, the medians with their
 * spread, and the median of the runs' own shares with its range and interquartile range. Runs only
 * with {@code -Dtenmail.bench=true}; asserts no timing.
 */
class SpamChainBenchIT {
    private static final Logger log = LoggerFactory.getLogger(SpamChainBenchIT.class);
    private static final double STABLE = 0.05;
    private static final int MIN_WARM_UP = 2;
    private static final int MAX_ATTEMPTS = 5;
    private static final AtomicInteger RETRIES = new AtomicInteger();

    @Test
    void theChainsShareOfTheEndToEndRate(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tenmail.bench"), "a benchmark: -Dtenmail.bench=true");
        int count = Integer.getInteger("tenmail.bench.count", 1000);
        int concurrency = Integer.getInteger("tenmail.bench.concurrency", 10);
        int runs = Integer.getInteger("tenmail.bench.runs", 7);
        DkimKeys keys = new DkimKeys();
        try (TestDnsServer dns = new TestDnsServer()
                .txt("sender.test", "v=spf1 ip4:192.0.2.10 -all")
                .txt("_dmarc.sender.test", "v=DMARC1; p=reject")
                .txt("sel._domainkey.sender.test", keys.dnsRecord())
                .a("mx.sender.test", "192.0.2.10")) {
            Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                    "tenmail.hostname", ProcessingSystem.HOST, "tenmail.data.dir", dir.resolve("data").toString(),
                    "tenmail.dns.resolvers", dns.hostAndPort(), "tenmail.dns.timeout-seconds", "2"), "bench", 100)).build();
            Path on = Path.of(getClass().getResource("/mailet/bench-chain-on.xml").toURI());
            Path off = Path.of(getClass().getResource("/mailet/bench-chain-off.xml").toURI());
            try (ProcessingSystem chainOn = new ProcessingSystem(TestDatabases.derby(dir.resolve("on/data")), dir.resolve("on"), on, config);
                 ProcessingSystem chainOff = new ProcessingSystem(TestDatabases.derby(dir.resolve("off/data")), dir.resolve("off"), off, config)) {
                chainOn.remoteClient = "192.0.2.10";   // loopback clients are trusted: the checks would skip them
                chainOff.remoteClient = "192.0.2.10";
                List<String> toOn = accounts(chainOn);
                List<String> toOff = accounts(chainOff);
                StringBuilder body = new StringBuilder();
                while (body.length() < 10 * 1024) body.append("The quarterly figures are attached; revenue grew in every region.\r\n");
                String message = keys.sign("From: Alice <alice@sender.test>\r\nTo: team@example.test\r\nSubject: quarterly numbers\r\n"
                        + "Date: Sun, 22 Nov 2026 03:00:00 +0000\r\nMessage-ID: <q1@sender.test>\r\n\r\n" + body, "sender.test", "sel");
                warmUp(chainOn, toOn, chainOff, toOff, message, count, concurrency);
                List<Double> rateOn = new ArrayList<>();
                List<Double> rateOff = new ArrayList<>();
                List<Double> shares = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    // alternate which system goes first, so neither always runs on a machine the other just warmed
                    if (i % 2 == 0) {
                        rateOn.add(run(chainOn, toOn, message, count, concurrency));
                        rateOff.add(run(chainOff, toOff, message, count, concurrency));
                    } else {
                        rateOff.add(run(chainOff, toOff, message, count, concurrency));
                        rateOn.add(run(chainOn, toOn, message, count, concurrency));
                    }
                    shares.add((1 - rateOn.get(i) / rateOff.get(i)) * 100);
                    log.info("spam chain bench run {}: on {} msg/s, off {} msg/s, share {}%, load average {}", i + 1, fmt(rateOn.get(i)),
                            fmt(rateOff.get(i)), fmt(shares.get(i)), fmt(loadAverage()));
                }
                double mOn = median(rateOn);
                double mOff = median(rateOff);
                // each run's on and off were measured back to back: the median of the runs' own shares
                // is steadier than the share of the medians when the machine's load moves
                log.info("spam chain bench: {} messages of {} octets at concurrency {}, {} runs after warm-up: median e2e chain on {} msg/s "
                                + "(runs {}-{}), off {} msg/s (runs {}-{}); median of the runs' shares {}% (runs {} to {}%, interquartile {} to {}%); "
                                + "share of the medians {}% ({} ms of wall time per message)",
                        count, message.length(), concurrency, runs, fmt(mOn), fmt(min(rateOn)), fmt(max(rateOn)), fmt(mOff), fmt(min(rateOff)),
                        fmt(max(rateOff)), fmt(median(shares)), fmt(min(shares)), fmt(max(shares)), fmt(quantile(shares, 0.25)),
                        fmt(quantile(shares, 0.75)), fmt((1 - mOn / mOff) * 100), fmt(1000 / mOn - 1000 / mOff));
                if (RETRIES.get() > 0) log.info("spam chain bench: {} messages were answered 451 and sent again", RETRIES.get());
            }
        }
    }

    /**
     * Runs both systems in turn until each one's rate is within {@value #STABLE} of its previous
     * warm-up run (the JIT has compiled the hot paths and the caches are full), at least
     * {@value #MIN_WARM_UP} and at most {@code tenmail.bench.warmup.max} (default 12) rounds.
     */
    private static void warmUp(ProcessingSystem on, List<String> toOn, ProcessingSystem off, List<String> toOff, String message, int count,
                               int concurrency) throws Exception {
        int most = Integer.getInteger("tenmail.bench.warmup.max", 12);
        double lastOn = Double.NaN;
        double lastOff = Double.NaN;
        for (int round = 1; round <= most; round++) {
            double rateOn = run(on, toOn, message, count, concurrency);
            double rateOff = run(off, toOff, message, count, concurrency);
            boolean stable = round >= MIN_WARM_UP && Math.abs(rateOn - lastOn) < STABLE * lastOn && Math.abs(rateOff - lastOff) < STABLE * lastOff;
            log.info("spam chain bench warm-up {}: on {} msg/s, off {} msg/s, load average {}{}", round, fmt(rateOn), fmt(rateOff), fmt(loadAverage()),
                    stable ? " (stable)" : "");
            if (stable) return;
            lastOn = rateOn;
            lastOff = rateOff;
        }
        log.warn("spam chain bench: the rates were still moving by more than {}% after {} warm-up rounds; the figures are less reliable",
                fmt(STABLE * 100), most);
    }

    private static List<String> accounts(ProcessingSystem system) throws StoreException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Account a = system.account("user", 0);
            out.add(a.address().toString());
        }
        return out;
    }

    /** Sends {@code count} messages over SMTP at {@code concurrency}, waits for the queue to empty; messages per second. */
    private static double run(ProcessingSystem system, List<String> recipients, String message, int count, int concurrency) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        MailboxEvents.Subscription subscription = system.events.subscribeAll(e -> {
            if (e.kind() == MailboxEvent.Kind.APPENDED) delivered.addAndGet(e.uids().size());
        });
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                done.add(clients.submit(() -> {
                    try (SmtpClient smtp = SmtpClient.connect(system.mxPort())) {
                        smtp.hello();
                        int n;
                        while ((n = next.getAndIncrement()) < count) {
                            for (int attempt = 1; ; attempt++) {
                                expect(smtp.cmd("MAIL FROM:<alice@sender.test>"), "250");
                                expect(smtp.cmd("RCPT TO:<" + recipients.get(n % recipients.size()) + ">"), "250");
                                expect(smtp.cmd("DATA"), "354");
                                String reply = smtp.cmd(message + "\r\n.");
                                // a busy database answers 451 under load: a real client tries again, so does this one
                                if (!reply.startsWith("4") || attempt == MAX_ATTEMPTS) {
                                    expect(reply, "250");
                                    break;
                                }
                                RETRIES.incrementAndGet();
                            }
                        }
                        smtp.cmd("QUIT");
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(10, TimeUnit.MINUTES);
        } finally {
            clients.shutdownNow();
        }
        // wait for the deliveries by counting the store's events, not by querying the queue: a COUNT
        // over the queue every few milliseconds scanned the whole backlog each time and took CPU
        // from the spooler it was waiting for (13 % of all samples in session 6's profile)
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (delivered.get() < count) {
            if (System.nanoTime() > deadline) throw new AssertionError("only " + delivered.get() + " of " + count + " messages were delivered");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        subscription.close();
        while (system.queue.size() > 0) {   // the last entries are completed just after their delivery
            if (System.nanoTime() > deadline) throw new AssertionError("the queue did not drain");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static void expect(String reply, String code) {
        if (!reply.startsWith(code)) throw new AssertionError("expected " + code + ", got " + reply);
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    /** The value at {@code q} of the sorted values, interpolated between neighbours. */
    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = values.stream().sorted().toList();
        double at = q * (sorted.size() - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(below + 1, sorted.size() - 1);
        return sorted.get(below) + (sorted.get(above) - sorted.get(below)) * (at - below);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String fmt(double v) {
        return String.format("%.1f", v);
    }
}
