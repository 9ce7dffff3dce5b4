package io.tenmail.smtp.mailet;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tenmail.smtp.it.SmtpClient;
import io.tenmail.protocol.dns.TestDnsServer;
import io.tenmail.storage.StoreException;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.DomainId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.SpamListEntry;
import io.tenmail.storage.model.SpamListEntry.Kind;
import io.tenmail.storage.model.SpamPolicy;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verdicts before 250 (ADR 0015), end to end: real mail over a raw SMTP socket to the MX, the
 * default chain's "smtp-data" processor (mailet/spam-mailetcontainer.xml) with SPF and DMARC
 * records in a local DNS responder, per-domain policies and lists in the real database (Derby).
 * The client is seen as {@value #BAD_IP} or {@value #GOOD_IP}: loopback clients are trusted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataVerdictIT {
    private static final String GOOD_IP = "192.0.2.10";
    private static final String BAD_IP = "198.51.100.7";
    static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

    private TestDnsServer dns;
    private ProcessingSystem system;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        dns = new TestDnsServer()
                .txt("sender.test", "v=spf1 ip4:192.0.2.0/24 -all")
                .txt("_dmarc.sender.test", "v=DMARC1; p=reject")
                .a("mx.sender.test", GOOD_IP);
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "tenmail.hostname", ProcessingSystem.HOST,
                "tenmail.data.dir", dir.resolve("data").toString(),
                "tenmail.dns.resolvers", dns.hostAndPort(),
                "tenmail.dns.timeout-seconds", "2"), "test", 100)).build();
        Path chain = Path.of(DataVerdictIT.class.getResource("/mailet/spam-mailetcontainer.xml").toURI());
        system = new ProcessingSystem(TestDatabases.derby(dir.resolve("data")), dir, chain, config);
    }

    @AfterAll
    void stop() {
        if (system != null) system.close();
        if (dns != null) dns.close();
    }

    @BeforeEach
    void aRemoteClient() {
        system.remoteClient = GOOD_IP;
    }

    /** A domain of its own with one account, so that each test's policy stays its own. */
    private record Mailbox(DomainId domain, Account account) {
        String address() {
            return account.address().toString();
        }
    }

    private Mailbox mailbox(String name) throws StoreException {
        DomainId domain = system.admin.createDomain(system.tenant, ProcessingSystem.unique(name) + ".test").id();
        String domainName = system.admin.domain(system.tenant, domain).name();
        Account account = system.admin.createAccount(system.tenant, new EmailAddress(name, domainName), name, "pw-" + UUID.randomUUID(), 0);
        system.mailboxes.ensureDefaultMailboxes(account.id());
        return new Mailbox(domain, account);
    }

    private static String message(String from, String to, String body) {
        return "From: <" + from + ">\r\nTo: <" + to + ">\r\nSubject: test " + UUID.randomUUID() + "\r\nMessage-ID: <" + UUID.randomUUID()
                + "@sender.test>\r\n\r\n" + body + "\r\n";
    }

    /** One transaction; returns the reply to the end of data. */
    private String send(String from, List<String> to, String body) throws IOException {
        try (SmtpClient c = SmtpClient.connect(system.mxPort())) {
            assertThat(c.reply()).startsWith("220");
            c.send("EHLO mx.sender.test");
            assertThat(c.reply()).startsWith("250");
            assertThat(c.cmd("MAIL FROM:<" + from + ">")).startsWith("250");
            for (String r : to) assertThat(c.cmd("RCPT TO:<" + r + ">")).startsWith("250");
            assertThat(c.cmd("DATA")).startsWith("354");
            c.sendRaw(message(from, to.get(0), body) + ".\r\n");
            String reply = c.reply();
            c.send("QUIT");
            return reply;
        }
    }

    private String send(String from, String to, String body) throws IOException {
        return send(from, List.of(to), body);
    }

    private long queued() throws StoreException {
        return system.queue.size();
    }

    @Test
    void gtubeIsRefusedAtDataAndNothingIsQueued() throws Exception {
        Mailbox alice = mailbox("alice");
        String reply = send("news@sender.test", alice.address(), "Hello " + GTUBE);
        assertThat(reply).startsWith("550 5.7.1 ").contains("spam");
        system.awaitQueueDrained();
        assertThat(system.inbox(alice.account().id())).isEmpty();
        assertThat(system.junk(alice.account().id())).isEmpty();
    }

    @Test
    void aSpoofedSenderUnderDmarcRejectIsRefusedAtData() throws Exception {
        Mailbox bob = mailbox("bob");
        system.remoteClient = BAD_IP;
        assertThat(send("ceo@sender.test", bob.address(), "Pay this invoice.")).startsWith("550 5.7.1 ").contains("DMARC");
        assertThat(queued()).isZero();
    }

    @Test
    void goodMailIsAcceptedAndTheResultsOfTheChecksGoWithIt() throws Exception {
        Mailbox carol = mailbox("carol");
        assertThat(send("news@sender.test", carol.address(), "Hello.")).startsWith("250 ");
        String text = system.text(system.awaitInbox(carol.account().id(), 1).get(0));
        assertThat(text).contains("spf=pass smtp.mailfrom=sender.test").contains("X-Spam-Status: No, score=0");
    }

    @Test
    void aDomainWithDmarcOffAndAHighRejectThresholdTakesTheSpoofInJunk() throws Exception {
        Mailbox dave = mailbox("dave");
        system.admin.setSpamPolicy(system.tenant, dave.domain(), new SpamPolicy(true, true, false, true, true, true, false, 2, 500));
        system.remoteClient = BAD_IP;
        assertThat(send("ceo@sender.test", dave.address(), "Pay this invoice.")).startsWith("250 ");
        ProcessingSystem.await(() -> count(() -> system.junk(dave.account().id()).size()) == 1, "the spoof in Junk");
        String text = system.text(system.junk(dave.account().id()).get(0));
        assertThat(text).contains("spf=fail").doesNotContain("dmarc=");
    }

    @Test
    void switchedOffChecksDoNotRun() throws Exception {
        Mailbox erin = mailbox("erin");
        system.admin.setSpamPolicy(system.tenant, erin.domain(), new SpamPolicy(false, false, false, false, false, false, false, 5, 15));
        system.remoteClient = BAD_IP;
        assertThat(send("ceo@sender.test", erin.address(), "Pay this invoice.")).startsWith("250 ");
        String text = system.text(system.awaitInbox(erin.account().id(), 1).get(0));
        assertThat(text).doesNotContain("spf=").doesNotContain("dmarc=").contains("X-Spam-Status: No, score=0");
    }

    @Test
    void greylistingAsksANewTripletToComeBackAfterTheDelay() throws Exception {
        Mailbox frank = mailbox("frank");
        system.admin.setSpamPolicy(system.tenant, frank.domain(), new SpamPolicy(true, true, true, true, true, true, true, 5, 15));
        assertThat(send("news@sender.test", frank.address(), "Hello.")).startsWith("451 4.7.1 ").contains("Greylisted");
        system.spamClock.advance(Duration.ofMinutes(2));
        assertThat(send("news@sender.test", frank.address(), "Hello.")).startsWith("451 4.7.1 ");
        assertThat(queued()).isZero();
        system.spamClock.advance(Duration.ofMinutes(3));
        assertThat(send("news@sender.test", frank.address(), "Hello.")).startsWith("250 ");
        system.awaitInbox(frank.account().id(), 1);
        // remembered: the next message passes at once, from a neighbour in the same /24 too
        system.remoteClient = "192.0.2.99";
        assertThat(send("news@sender.test", frank.address(), "Again.")).startsWith("250 ");
    }

    @Test
    void greylistingLetsAllowListedSendersThrough() throws Exception {
        Mailbox gina = mailbox("gina");
        system.admin.setSpamPolicy(system.tenant, gina.domain(), new SpamPolicy(true, true, true, true, true, true, true, 5, 15));
        system.admin.setSpamList(system.tenant, Optional.of(gina.account().id()), List.of(new SpamListEntry(Kind.ALLOW, "*@sender.test")));
        assertThat(send("news@sender.test", gina.address(), "Hello.")).startsWith("250 ");
    }

    @Test
    void anAllowListedSenderIsNeitherRefusedNorJunkedButItsForgeryStillIs() throws Exception {
        Mailbox hank = mailbox("hank");
        system.admin.setSpamList(system.tenant, Optional.of(hank.account().id()), List.of(new SpamListEntry(Kind.ALLOW, "ceo@sender.test")));
        assertThat(send("ceo@sender.test", hank.address(), "Hello " + GTUBE)).startsWith("250 ");
        String text = system.text(system.awaitInbox(hank.account().id(), 1).get(0));
        assertThat(text).contains("spf=pass").contains("X-Spam-Score: 1000");
        assertThat(system.junk(hank.account().id())).isEmpty();

        system.remoteClient = BAD_IP;
        assertThat(send("ceo@sender.test", hank.address(), "Pay this invoice.")).startsWith("550 5.7.1 ").contains("DMARC");
    }

    @Test
    void aBlockedSenderIsRefusedOnlyWhenEveryRecipientBlocksIt() throws Exception {
        Mailbox ivy = mailbox("ivy");
        Mailbox jack = mailbox("jack");
        system.admin.setSpamList(system.tenant, Optional.of(ivy.account().id()), List.of(new SpamListEntry(Kind.BLOCK, "*@sender.test")));
        assertThat(send("news@sender.test", ivy.address(), "Hello.")).startsWith("550 5.7.1 ").contains("blocked");

        assertThat(send("news@sender.test", List.of(ivy.address(), jack.address()), "Hello both.")).startsWith("250 ");
        system.awaitInbox(jack.account().id(), 1);
        ProcessingSystem.await(() -> count(() -> system.junk(ivy.account().id()).size()) == 1, "the blocked copy in Junk");
        assertThat(system.inbox(ivy.account().id())).isEmpty();
    }

    @Test
    void theRejectRuleNeedsEveryRecipientsDomainToReject() throws Exception {
        Mailbox kim = mailbox("kim");
        Mailbox lee = mailbox("lee");
        system.admin.setSpamPolicy(system.tenant, lee.domain(), new SpamPolicy(true, true, true, true, true, true, false, 5, 5000));
        assertThat(send("news@sender.test", List.of(kim.address(), lee.address()), "Hello " + GTUBE)).startsWith("250 ");
        ProcessingSystem.await(() -> count(() -> system.junk(lee.account().id()).size()) == 1, "Lee's copy in Junk");
        ProcessingSystem.await(() -> count(() -> system.junk(kim.account().id()).size()) == 1, "Kim's copy in Junk");
    }

    @Test
    void trustedClientsAreNotJudged() throws Exception {
        Mailbox max = mailbox("max");
        system.remoteClient = null;   // the test's own loopback address
        assertThat(send("news@sender.test", max.address(), "Hello " + GTUBE)).startsWith("250 ");
        system.awaitInbox(max.account().id(), 1);
    }

    private interface Count {
        int get() throws StoreException;
    }

    private static int count(Count c) {
        try {
            return c.get();
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
