package io.tenmail.smtp.policy;

import io.tenmail.smtp.SmtpSettings;
import io.tenmail.smtp.session.FakeConnection;
import io.tenmail.smtp.session.ListenerRole;
import io.tenmail.smtp.session.SmtpSession;
import io.tenmail.smtp.wire.Reply;
import io.tenmail.storage.TestClock;
import io.tenmail.storage.directory.IpNetwork;
import io.tenmail.storage.model.AccountId;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.Principal;
import io.tenmail.storage.model.TenantId;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));

    private static RateLimitSettings limits(int ipConnections, int ipMessages, int perHour, int perDay, int rcptHour, int rcptDay) {
        return new RateLimitSettings(ipConnections, ipMessages, perHour, perDay, rcptHour, rcptDay,
                List.of(IpNetwork.parse("127.0.0.0/8")), 1000);
    }

    private static InetAddress ip(String text) throws Exception {
        return InetAddress.getByName(text);
    }

    @Test
    void connectionsPastThePerMinuteLimitOfAnAddressGet421AndTheNextMinuteIsFreeAgain() throws Exception {
        RateLimits limits = new RateLimits(limits(2, 0, 0, 0, 0, 0), clock);
        assertThat(limits.connection(ListenerRole.MX, ip("192.0.2.1"))).isEmpty();
        assertThat(limits.connection(ListenerRole.MX, ip("192.0.2.1"))).isEmpty();
        assertThat(limits.connection(ListenerRole.MX, ip("192.0.2.1"))).get().extracting(Reply::code).isEqualTo(421);
        assertThat(limits.connection(ListenerRole.MX, ip("192.0.2.2"))).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(limits.connection(ListenerRole.MX, ip("192.0.2.1"))).isEmpty();
    }

    @Test
    void addressesOfOneIpv6Slash64ShareTheirAllowance() throws Exception {
        RateLimits limits = new RateLimits(limits(1, 0, 0, 0, 0, 0), clock);
        assertThat(limits.connection(ListenerRole.MX, ip("2001:db8::1"))).isEmpty();
        assertThat(limits.connection(ListenerRole.MX, ip("2001:db8::2"))).isPresent();
    }

    @Test
    void exemptNetworksAndSubmissionListenersAreNotLimitedPerAddress() throws Exception {
        RateLimits limits = new RateLimits(limits(1, 0, 0, 0, 0, 0), clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limits.connection(ListenerRole.MX, ip("127.0.0.1"))).isEmpty();
            assertThat(limits.connection(ListenerRole.SUBMISSION, ip("192.0.2.9"))).isEmpty();
        }
    }

    @Test
    void anAccountPastItsHourlyMessagesGets451AndPastItsDailyMessages550() {
        RateLimits limits = new RateLimits(limits(0, 0, 2, 3, 0, 0), clock);
        SmtpSession alice = session(ListenerRole.SUBMISSION, "192.0.2.1", Optional.of(principal("alice@example.test")));
        assertThat(limits.message(alice)).isEmpty();
        assertThat(limits.message(alice)).isEmpty();
        assertThat(limits.message(alice)).get().satisfies(r -> assertThat(r.render()).startsWith("451 4.7.1"));
        clock.advance(Duration.ofHours(1));
        assertThat(limits.message(alice)).isEmpty();
        assertThat(limits.message(alice)).get().satisfies(r -> assertThat(r.render()).startsWith("550 5.7.1"));
        SmtpSession bob = session(ListenerRole.SUBMISSION, "192.0.2.1", Optional.of(principal("bob@example.test")));
        assertThat(limits.message(bob)).as("each account has its own allowance").isEmpty();
    }

    @Test
    void recipientsOfAnAccountAreCountedAcrossMessages() {
        RateLimits limits = new RateLimits(limits(0, 0, 0, 0, 3, 0), clock);
        SmtpSession alice = session(ListenerRole.SMTPS, "192.0.2.1", Optional.of(principal("alice@example.test")));
        for (int i = 0; i < 3; i++) assertThat(limits.recipient(alice)).isEmpty();
        assertThat(limits.recipient(alice)).get().satisfies(r -> assertThat(r.render()).startsWith("451 4.7.1"));
    }

    @Test
    void messagesFromAnAddressThatDidNotLogInAreLimitedPerMinuteOnTheMxListener() {
        RateLimits limits = new RateLimits(limits(0, 1, 0, 0, 0, 0), clock);
        SmtpSession stranger = session(ListenerRole.MX, "198.51.100.7", Optional.empty());
        assertThat(limits.message(stranger)).isEmpty();
        assertThat(limits.message(stranger)).get().satisfies(r -> assertThat(r.render()).startsWith("451 4.7.1"));
    }

    @Test
    void zeroSwitchesALimitOff() {
        RateLimits limits = new RateLimits(RateLimitSettings.NONE, clock);
        SmtpSession alice = session(ListenerRole.SUBMISSION, "192.0.2.1", Optional.of(principal("alice@example.test")));
        for (int i = 0; i < 1000; i++) assertThat(limits.message(alice)).isEmpty();
    }

    private static Principal principal(String address) {
        return new Principal(new AccountId(1), new TenantId(1), EmailAddress.parse(address));
    }

    private static SmtpSession session(ListenerRole role, String client, Optional<Principal> who) {
        SmtpSettings settings = SmtpSettings.builder("mx.example.test", Path.of("spool")).build();
        SmtpSession session = new SmtpSession("s1", role, settings, new FakeConnection(client));
        who.ifPresent(session::authenticated);
        return session;
    }
}
