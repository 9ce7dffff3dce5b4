package io.tenmail.smtp.spam.policy;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.smtp.mailet.DataRefusal;
import io.tenmail.smtp.spam.AuthAttributes;
import io.tenmail.storage.TestClock;
import io.tenmail.storage.model.SpamListEntry;
import io.tenmail.storage.model.SpamListEntry.Kind;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.tenmail.smtp.spam.policy.MemorySpamPolicies.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-domain rules: which checks run, who refuses at DATA, who gets Junk, greylisting's triplets. */
class SpamPolicyRulesTest {
    private static final String REMOTE = "203.0.113.9";

    private static FakeMail mail(String sender, Map<String, String> attributes, String... recipients) throws Exception {
        FakeMail.Builder b = FakeMail.builder().name("m").sender(sender).recipients(recipients);
        b.attribute(attribute(MailAttributes.CLIENT_ADDRESS, REMOTE));
        attributes.forEach((k, v) -> b.attribute(attribute(k, v)));
        return b.build();
    }

    private static Attribute attribute(String name, String value) {
        return new Attribute(AttributeName.of(name), AttributeValue.of(value));
    }

    private static DataVerdict verdict(MemorySpamPolicies policies) throws Exception {
        DataVerdict v = new DataVerdict(policies);
        v.init(FakeMailetConfig.builder().mailetName("DataVerdict").build());
        return v;
    }

    private static String refusal(FakeMail mail) {
        return DataRefusal.of(mail).map(r -> r.render().strip()).orElse("");
    }

    @Test
    void aCheckIsOnForTheRecipientsWhoseDomainHasItOn() throws Exception {
        MemorySpamPolicies policies = new MemorySpamPolicies().policy("quiet.test", with(true, false, 5, 15));
        SpamCheckEnabled dmarc = new SpamCheckEnabled(policies);
        dmarc.init(FakeMatcherConfig.builder().matcherName("SpamCheckEnabled").condition("dmarc").build());
        assertThat(dmarc.match(mail("a@sender.test", Map.of(), "x@loud.test", "y@quiet.test"))).containsExactly(new MailAddress("x@loud.test"));
        SpamCheckEnabled grey = new SpamCheckEnabled(policies);
        grey.init(FakeMatcherConfig.builder().matcherName("SpamCheckEnabled").condition("Greylisting").build());
        assertThat(grey.match(mail("a@sender.test", Map.of(), "x@loud.test", "y@quiet.test"))).containsExactly(new MailAddress("y@quiet.test"));
    }

    @Test
    void anUnknownCheckNameIsAConfigurationError() {
        SpamCheckEnabled m = new SpamCheckEnabled(new MemorySpamPolicies());
        assertThatThrownBy(() -> m.init(FakeMatcherConfig.builder().matcherName("SpamCheckEnabled").condition("virus").build()))
                .hasMessageContaining("greylisting");
    }

    @Test
    void aScoreAtTheRejectThresholdIsRefusedWith550() throws Exception {
        FakeMail m = mail("a@sender.test", Map.of(MailAttributes.SPAM_SCORE, "15"), "x@ours.test");
        verdict(new MemorySpamPolicies()).service(m);
        assertThat(refusal(m)).isEqualTo("550 5.7.1 Message refused as spam (score 15)");
        FakeMail below = mail("a@sender.test", Map.of(MailAttributes.SPAM_SCORE, "14.9"), "x@ours.test");
        verdict(new MemorySpamPolicies()).service(below);
        assertThat(refusal(below)).isEmpty();
    }

    @Test
    void dmarcRejectIsRefusedOnlyWhereTheDomainChecksDmarc() throws Exception {
        Map<String, String> failed = Map.of(AuthAttributes.DMARC_RESULT, "fail", AuthAttributes.DMARC_POLICY, "reject");
        FakeMail m = mail("ceo@sender.test", failed, "x@ours.test");
        verdict(new MemorySpamPolicies()).service(m);
        assertThat(refusal(m)).startsWith("550 5.7.1 ").contains("DMARC");
        FakeMail off = mail("ceo@sender.test", failed, "x@ours.test");
        verdict(new MemorySpamPolicies().policy("ours.test", with(false, false, 5, 15))).service(off);
        assertThat(refusal(off)).isEmpty();
        FakeMail quarantine = mail("ceo@sender.test", Map.of(AuthAttributes.DMARC_RESULT, "fail", AuthAttributes.DMARC_POLICY, "quarantine"),
                "x@ours.test");
        verdict(new MemorySpamPolicies()).service(quarantine);
        assertThat(refusal(quarantine)).isEmpty();
    }

    @Test
    void oneRecipientWhoTakesTheMailPreventsTheRefusal() throws Exception {
        MemorySpamPolicies policies = new MemorySpamPolicies().policy("lenient.test", with(false, true, 5, 2000));
        FakeMail m = mail("a@sender.test", Map.of(MailAttributes.SPAM_SCORE, "1000"), "x@ours.test", "y@lenient.test");
        verdict(policies).service(m);
        assertThat(refusal(m)).isEmpty();
    }

    @Test
    void allowedSendersAreRefusedOnlyWhenForgedAndBlockedOnesAlways() throws Exception {
        MemorySpamPolicies policies = new MemorySpamPolicies()
                .list("x@ours.test", new SpamListEntry(Kind.ALLOW, "*@sender.test"))
                .list("y@ours.test", new SpamListEntry(Kind.BLOCK, "a@sender.test"));
        FakeMail allowed = mail("a@sender.test", Map.of(MailAttributes.SPAM_SCORE, "1000"), "x@ours.test");
        verdict(policies).service(allowed);
        assertThat(refusal(allowed)).isEmpty();
        FakeMail forged = mail("a@sender.test", Map.of(AuthAttributes.DMARC_RESULT, "fail", AuthAttributes.DMARC_POLICY, "reject"), "x@ours.test");
        verdict(policies).service(forged);
        assertThat(refusal(forged)).as("an allow entry cannot vouch for a forgery").contains("DMARC");
        FakeMail blocked = mail("a@sender.test", Map.of(), "y@ours.test");
        verdict(policies).service(blocked);
        assertThat(refusal(blocked)).isEqualTo("550 5.7.1 Message refused: the sender is blocked by the recipient");
    }

    @Test
    void trustedClientsAreNeverRefused() throws Exception {
        FakeMail m = mail("a@sender.test", Map.of(MailAttributes.SPAM_SCORE, "1000", MailAttributes.AUTH_USER, "me@ours.test"), "x@ours.test");
        verdict(new MemorySpamPolicies()).service(m);
        assertThat(refusal(m)).isEmpty();
    }

    @Test
    void junkFollowsEachRecipientsThresholdAndLists() throws Exception {
        MemorySpamPolicies policies = new MemorySpamPolicies()
                .policy("strict.test", with(false, true, 2, 15))
                .list("friend@ours.test", new SpamListEntry(Kind.ALLOW, "a@sender.test"))
                .list("hater@ours.test", new SpamListEntry(Kind.BLOCK, "*@sender.test"));
        FakeMail m = mail("a@sender.test", Map.of(MailAttributes.SPAM_SCORE, "3"), "x@ours.test", "y@strict.test", "friend@ours.test",
                "hater@ours.test");
        assertThat(new IsJunk(policies).match(m)).containsExactlyInAnyOrder(new MailAddress("y@strict.test"), new MailAddress("hater@ours.test"));
    }

    @Test
    void greylistingRefusesANewTripletUntilTheDelayHasPassed() throws Exception {
        MemorySpamPolicies policies = new MemorySpamPolicies().policy("grey.test", with(true, true, 5, 15));
        TestClock clock = new TestClock(Instant.parse("2026-11-22T00:00:00Z"));
        Greylisting g = new Greylisting(policies, new SpamClock(clock));
        g.init(FakeMailetConfig.builder().mailetName("Greylisting").setProperty("delaySeconds", "60").build());
        FakeMail first = mail("a@sender.test", Map.of(), "x@grey.test");
        g.service(first);
        assertThat(refusal(first)).isEqualTo("451 4.7.1 Greylisted, please try again in 60 seconds");
        clock.advance(Duration.ofSeconds(59));
        FakeMail early = mail("a@sender.test", Map.of(), "x@grey.test");
        g.service(early);
        assertThat(refusal(early)).startsWith("451 4.7.1 ");
        clock.advance(Duration.ofSeconds(1));
        FakeMail retry = mail("a@sender.test", Map.of(), "x@grey.test");
        g.service(retry);
        assertThat(refusal(retry)).isEmpty();
        FakeMail otherDomain = mail("a@sender.test", Map.of(), "x@plain.test");
        g.service(otherDomain);
        assertThat(refusal(otherDomain)).as("greylisting is off by default").isEmpty();
    }

    @Test
    void theTripletUsesTheClientsNetworkNotItsAddress() throws Exception {
        FakeMail v4 = FakeMail.builder().name("m").attribute(attribute(MailAttributes.CLIENT_ADDRESS, "192.0.2.77")).build();
        assertThat(Greylisting.network(v4)).contains("192.0.2.0/24");
        FakeMail v6 = FakeMail.builder().name("m").attribute(attribute(MailAttributes.CLIENT_ADDRESS, "2001:db8:1:2:3:4:5:6")).build();
        assertThat(Greylisting.network(v6)).contains("2001:db8:1:2:0:0:0:0/64");
        assertThat(Greylisting.key("192.0.2.0/24", "a@b", "c@d")).hasSize(64).isNotEqualTo(Greylisting.key("192.0.2.0/24", "a@b", "e@d"));
    }

    @Test
    void aRefusalIsAWellFormedFourOrFiveHundredReplyAndTheFirstOneWins() throws Exception {
        FakeMail m = mail("a@sender.test", Map.of(), "x@ours.test");
        DataRefusal.refuse(m, 451, "4.7.1", "first");
        DataRefusal.refuse(m, 550, "5.7.1", "second");
        assertThat(refusal(m)).isEqualTo("451 4.7.1 first");
        assertThatThrownBy(() -> DataRefusal.refuse(m, 250, "2.0.0", "fine")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataRefusal.refuse(m, 550, "4.7.1", "mixed")).isInstanceOf(IllegalArgumentException.class);
    }
}
