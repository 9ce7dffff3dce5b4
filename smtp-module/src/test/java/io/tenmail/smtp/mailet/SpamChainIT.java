package io.tenmail.smtp.mailet;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.remote.TestDnsServer;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.model.Account;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spam-filter chain in the real container over the real stores (Derby), with SPF and DMARC
 * records in a local DNS responder: authenticated mail reaches INBOX with its Authentication-Results,
 * a spoofed mail under a reject policy lands in Junk.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpamChainIT {
    private static final String GOOD_IP = "192.0.2.10";
    private static final String BAD_IP = "198.51.100.7";

    private TestDnsServer dns;
    private ProcessingSystem system;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        dns = new TestDnsServer()
                .txt("sender.test", "v=spf1 ip4:" + GOOD_IP + " -all")
                .txt("_dmarc.sender.test", "v=DMARC1; p=reject")
                .a("mx.sender.test", GOOD_IP);
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "tenmail.hostname", ProcessingSystem.HOST,
                "tenmail.data.dir", dir.resolve("data").toString(),
                "tenmail.dns.resolvers", dns.address().toString(),
                "tenmail.dns.timeout-seconds", "2"), "test", 100)).build();
        Path chain = Path.of(SpamChainIT.class.getResource("/mailet/spam-mailetcontainer.xml").toURI());
        system = new ProcessingSystem(TestDatabases.derby(dir.resolve("data")), dir, chain, config);
    }

    @AfterAll
    void stop() {
        if (system != null) system.close();
        if (dns != null) dns.close();
    }

    private static Map<String, String> client(String ip) {
        return Map.of(MailAttributes.CLIENT_ADDRESS, ip, MailAttributes.HELO, "mx.sender.test");
    }

    @Test
    void mailFromAnAllowedServerReachesTheInboxWithItsResults() throws Exception {
        Account alice = system.account("alice", 0);
        system.send("news@sender.test", client(GOOD_IP), alice.address().toString());
        String text = system.text(system.awaitInbox(alice.id(), 1).get(0));
        assertThat(text).contains("Authentication-Results: " + ProcessingSystem.HOST + ";")
                .contains("spf=pass smtp.mailfrom=sender.test").contains("dkim=none")
                .contains("X-Spam-Status: No, score=0 required=5");
    }

    @Test
    void aSpoofedSenderUnderARejectPolicyLandsInJunk() throws Exception {
        Account bob = system.account("bob", 0);
        system.send("ceo@sender.test", client(BAD_IP), bob.address().toString());
        ProcessingSystem.await(() -> junk(bob) == 1, "Junk to hold the spoofed mail");
        assertThat(system.inbox(bob.id())).isEmpty();
        String text = system.text(system.junk(bob.id()).get(0));
        assertThat(text).contains("spf=fail").contains("dmarc=fail (p=reject) header.from=sender.test")
                .contains("X-Spam-Status: Yes, score=13");
    }

    private int junk(Account account) {
        try {
            return system.junk(account.id()).size();
        } catch (io.tenmail.storage.StoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
