package io.tenmail.smtp.spam;

import io.tenmail.protocol.dns.TestDnsServer;
import io.tenmail.smtp.remote.HostPort;
import io.tenmail.smtp.spam.bayes.BayesCheck;
import io.tenmail.smtp.spam.bayes.InMemoryTokenStatistics;
import org.apache.mailet.Mailet;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the default chain's checks cost per message (docs/spam.md, "Cost"): a DKIM-signed 2 KB
 * message from an SPF-allowed address, DNS answers cached as in steady state, a trained classifier.
 * Logs the mean; fails only far above it, as a guard against a regression such as a DNS query per
 * message.
 */
class ChainCostIT {
    private static final Logger log = LoggerFactory.getLogger(ChainCostIT.class);
    private static final int WARM_UP = 200;
    private static final int MEASURED = 1000;

    @Test
    void theDefaultChecksPassAGoodSignedMessageAndLogTheirCostPerMessage() throws Exception {
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
            List<Mailet> chain = List.of(new HeloCheck(lookups, "mx.tenmail.test"), new SpfCheck(lookups), new DkimVerify(lookups),
                    new DmarcCheck(lookups, () -> 0.0), new GtubeCheck(), new BayesCheck(statistics, m -> OptionalLong.of(1)),
                    new AuthenticationResultsStamp("mx.tenmail.test"));
            for (Mailet m : chain) m.init(TestMails.config(m.getClass().getSimpleName(), Map.of()));
            String message = keys.sign(TestMails.MESSAGE.replace("the numbers are in.", "the numbers are in.\r\n" + "x".repeat(70).concat("\r\n").repeat(25)),
                    "example.test", "sel");
            long[] nanos = new long[chain.size()];
            for (int i = 0; i < WARM_UP; i++) run(chain, message, new long[chain.size()]);
            long start = System.nanoTime();
            FakeMail last = null;
            for (int i = 0; i < MEASURED; i++) last = run(chain, message, nanos);
            double meanMillis = (System.nanoTime() - start) / 1e6 / MEASURED;
            StringBuilder each = new StringBuilder();
            for (int i = 0; i < chain.size(); i++) {
                each.append(' ').append(chain.get(i).getClass().getSimpleName()).append('=').append(String.format("%.3f", nanos[i] / 1e6 / MEASURED));
            }
            log.info("spam chain cost: {} ms per message (mean of {}, {} octets, DKIM-signed):{}", String.format("%.3f", meanMillis), MEASURED,
                    message.length(), each);
            assertThat(SpamScore.symbols(last)).doesNotContain("SPF", "DKIM", "DMARC");
        }
    }

    private static FakeMail run(List<Mailet> chain, String message, long[] nanos) throws Exception {
        FakeMail mail = TestMails.mail("alice@example.test", "192.0.2.10", "mx.example.test", message);
        for (int i = 0; i < chain.size(); i++) {
            long t = System.nanoTime();
            chain.get(i).service(mail);
            nanos[i] += System.nanoTime() - t;
        }
        return mail;
    }
}
