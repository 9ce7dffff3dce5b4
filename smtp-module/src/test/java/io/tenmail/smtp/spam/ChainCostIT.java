package io.tenmail.smtp.spam;

import io.tenmail.protocol.dns.TestDnsServer;
import io.tenmail.smtp.mailet.QueueMail;
import io.tenmail.smtp.mailet.StoredMails;
import io.tenmail.smtp.remote.HostPort;
import io.tenmail.smtp.spam.bayes.BayesCheck;
import io.tenmail.smtp.spam.bayes.InMemoryTokenStatistics;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.blob.FileBlobStore;
import org.apache.mailet.Mailet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the default chain's checks cost per message (docs/spam.md, "Cost"), in CPU time of the
 * thread that runs them, which the machine's load moves far less than wall time: a DKIM-signed
 * 2.5 KB message from an SPF-allowed address, stored in a blob store as SMTP stores it, run as the
 * shipped chain runs it — the checks at the end of DATA on the screen's mail over the stored bytes,
 * then Bayes (a trained tenant) and the stamp on the spooler's mail with the screen's results —
 * DNS answers cached as in steady state. Warms up in rounds of {@value #ROUND} messages, at least
 * {@value #MIN_WARM_UP_ROUNDS}, until two rounds in a row differ by less than 5 % (at most
 * {@value #MAX_WARM_UP_ROUNDS} rounds), then measures {@code tenmail.chaincost.rounds} rounds (default 10) and logs each mailet's median CPU
 * per message and the spread of the rounds. Asserts the verdicts, never a time.
 */
class ChainCostIT {
    private static final Logger log = LoggerFactory.getLogger(ChainCostIT.class);
    private static final int ROUND = 250;
    private static final int MIN_WARM_UP_ROUNDS = 8;   // 2,000 messages: the JIT's second tier compiles the hot paths
    private static final int MAX_WARM_UP_ROUNDS = 40;
    private static final String SENDER = "alice@example.test";

    @Test
    void theDefaultChecksPassAGoodSignedMessageAndLogTheirCpuPerMessage(@TempDir Path dir) throws Exception {
        DkimKeys keys = new DkimKeys();
        try (TestDnsServer dns = new TestDnsServer()
                .txt("example.test", "v=spf1 ip4:192.0.2.10 -all")
                .txt("_dmarc.example.test", "v=DMARC1; p=reject")
                .txt("sel._domainkey.example.test", keys.dnsRecord())
                .a("mx.example.test", "192.0.2.10")) {
            DnsLookups lookups = DnsLookups.of(List.of(HostPort.parse(dns.hostAndPort(), 53)), Duration.ofSeconds(2));
            InMemoryTokenStatistics statistics = new InMemoryTokenStatistics();
            for (int i = 0; i < 60; i++) {
                statistics.train(1, Set.of("winner", "lottery", "prize" + i), true);
                statistics.train(1, Set.of("numbers", "quarterly", "bob" + i), false);
            }
            List<Mailet> screen = List.of(new HeloCheck(lookups, "mx.tenmail.test"), new SpfCheck(lookups), new DkimVerify(lookups),
                    new DmarcCheck(lookups, () -> 0.0), new GtubeCheck());
            List<Mailet> root = List.of(new BayesCheck(statistics, m -> OptionalLong.of(1)), new AuthenticationResultsStamp("mx.tenmail.test"));
            List<Mailet> all = new ArrayList<>(screen);
            all.addAll(root);
            for (Mailet m : all) m.init(TestMails.config(m.getClass().getSimpleName(), Map.of()));
            String message = keys.sign(TestMails.MESSAGE.replace("the numbers are in.", "the numbers are in.\r\n" + "x".repeat(70).concat("\r\n").repeat(25)),
                    "example.test", "sel");
            BlobStore blobs = new FileBlobStore(dir);
            BlobStore.StoredBlob blob = blobs.put(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)), 1 << 20);
            Chain chain = new Chain(blobs, blob, screen, root);

            int warmUpRounds = 0;
            double previous = Double.NaN;
            while (warmUpRounds < MAX_WARM_UP_ROUNDS) {
                double current = chain.round().total();
                warmUpRounds++;
                if (warmUpRounds >= MIN_WARM_UP_ROUNDS && Math.abs(current - previous) < 0.05 * previous) break;
                previous = current;
            }
            int rounds = Integer.getInteger("tenmail.chaincost.rounds", 10);
            List<Round> measured = new ArrayList<>();
            for (int i = 0; i < rounds; i++) measured.add(chain.round());

            StringBuilder each = new StringBuilder();
            for (int m = 0; m < all.size(); m++) {
                int mailet = m;
                each.append(' ').append(all.get(m).getClass().getSimpleName()).append('=')
                        .append(ms(median(measured.stream().mapToDouble(r -> r.cpu()[mailet]).toArray())));
            }
            double[] totals = measured.stream().mapToDouble(Round::total).toArray();
            double[] walls = measured.stream().mapToDouble(Round::wall).toArray();
            log.info("spam chain cost: {} ms CPU per message (median of {} rounds of {}; rounds {}-{} ms; wall {} ms; {} warm-up rounds; "
                            + "{} octets, DKIM-signed; load average {}):{}",
                    ms(median(totals)), rounds, ROUND, ms(Arrays.stream(totals).min().orElseThrow()), ms(Arrays.stream(totals).max().orElseThrow()),
                    ms(median(walls)), warmUpRounds, message.length(),
                    String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()), each);
            QueueMail last = chain.last;
            assertThat(SpamScore.symbols(last)).doesNotContain("SPF", "DKIM", "DMARC");
            assertThat(AuthAttributes.get(last, AuthAttributes.DKIM_RESULT)).contains("pass");
            assertThat(AuthAttributes.get(last, AuthAttributes.DMARC_RESULT)).contains("pass");
            assertThat(last.changedMessage()).as("the stamp went on top of the stored bytes").isEmpty();
        }
    }

    /** One round's mean CPU milliseconds per message for each mailet, their total, and the mean wall time. */
    private record Round(double[] cpu, double wall) {
        double total() {
            return Arrays.stream(cpu).sum();
        }
    }

    /** The chain over one stored message, as the screen and then the spooler run it. */
    private static final class Chain {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final BlobStore blobs;
        private final BlobStore.StoredBlob blob;
        private final List<Mailet> screen;
        private final List<Mailet> root;
        QueueMail last;

        Chain(BlobStore blobs, BlobStore.StoredBlob blob, List<Mailet> screen, List<Mailet> root) {
            this.blobs = blobs;
            this.blob = blob;
            this.screen = screen;
            this.root = root;
        }

        Round round() throws Exception {
            long[] nanos = new long[screen.size() + root.size()];
            long start = System.nanoTime();
            for (int i = 0; i < ROUND; i++) {
                QueueMail screened = StoredMails.of(blobs, blob, "smtp-data", SENDER, "bob@tenmail.test", "192.0.2.10", "mx.example.test", null);
                run(screen, screened, nanos, 0);
                last = StoredMails.of(blobs, blob, "root", SENDER, "bob@tenmail.test", "192.0.2.10", "mx.example.test", screened);
                run(root, last, nanos, screen.size());
            }
            double wall = (System.nanoTime() - start) / 1e6 / ROUND;
            return new Round(Arrays.stream(nanos).mapToDouble(n -> n / 1e6 / ROUND).toArray(), wall);
        }

        private void run(List<Mailet> mailets, QueueMail mail, long[] nanos, int offset) throws Exception {
            for (int i = 0; i < mailets.size(); i++) {
                long t = threads.getCurrentThreadCpuTime();
                mailets.get(i).service(mail);
                nanos[offset + i] += threads.getCurrentThreadCpuTime() - t;
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String ms(double v) {
        return String.format("%.3f", v);
    }
}
