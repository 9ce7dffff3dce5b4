package io.tenmail.pop3.it;

import io.tenmail.pop3.Pop3Server;
import io.tenmail.protocol.auth.LoginThrottle;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AppendResult;
import io.tenmail.storage.model.SpecialUse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings that change what a session sees: Junk in the maildrop, the idle timeout, login throttling. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaildropOptionsIT {
    private Pop3Fixture fixture;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        fixture = new Pop3Fixture(dataDir);
    }

    @AfterAll
    void stop() {
        if (fixture != null) fixture.close();
    }

    @Test
    void junkFollowsTheInboxWhenIncludedAndQuitRemovesFromBoth() throws Exception {
        Pop3Server server = fixture.start(Pop3Fixture.settings().withIncludeJunk(true));
        Account alice = fixture.account("alice");
        AppendResult inbox = fixture.deliver(alice, Pop3Fixture.message("ham", "ham\r\n"));
        AppendResult junk = fixture.deliverToJunk(alice, Pop3Fixture.message("spam", "spam\r\n"));
        assertThat(inbox.uidValidity()).isNotEqualTo(junk.uidValidity());
        try (Pop3Client client = Pop3Client.connect(Pop3Fixture.port(server))) {
            assertThat(client.login(alice.address().toString(), Pop3Fixture.PASSWORD)).startsWith("+OK");
            assertThat(client.command("UIDL")).startsWith("+OK");
            assertThat(client.readBody()).containsExactly(
                    "1 " + inbox.uidValidity().value() + "." + inbox.uid().value(),
                    "2 " + junk.uidValidity().value() + "." + junk.uid().value());
            assertThat(client.command("DELE 1")).startsWith("+OK");
            assertThat(client.command("DELE 2")).startsWith("+OK");
            assertThat(client.command("QUIT")).isEqualTo("+OK Bye, 2 messages deleted");
        }
        assertThat(fixture.inboxCount(alice)).isZero();
        assertThat(fixture.store.mailbox(alice.id(), SpecialUse.JUNK).orElseThrow().messages()).isZero();
    }

    @Test
    void junkIsNotListedByDefault() throws Exception {
        Pop3Server server = fixture.start(Pop3Fixture.settings());
        Account bob = fixture.account("bob");
        fixture.deliverToJunk(bob, Pop3Fixture.message("spam", "spam\r\n"));
        try (Pop3Client client = Pop3Client.connect(Pop3Fixture.port(server))) {
            assertThat(client.login(bob.address().toString(), Pop3Fixture.PASSWORD)).startsWith("+OK");
            assertThat(client.command("STAT")).isEqualTo("+OK 0 0");
        }
    }

    @Test
    void anIdleConnectionIsClosedWithoutAResponseAndDeletesNothing() throws Exception {
        Pop3Server server = fixture.start(Pop3Fixture.settings().withIdleTimeout(Duration.ofSeconds(1)));
        Account carol = fixture.account("carol");
        fixture.deliver(carol, Pop3Fixture.message("keep", "keep\r\n"));
        try (Pop3Client client = Pop3Client.connect(Pop3Fixture.port(server))) {
            assertThat(client.login(carol.address().toString(), Pop3Fixture.PASSWORD)).startsWith("+OK");
            assertThat(client.command("DELE 1")).startsWith("+OK");
            client.timeout(30_000);
            assertThat(client.closedByServer()).isTrue();
        }
        Await.until("the maildrop is released", () -> !server.locks().isLocked(carol.id()));
        assertThat(fixture.inboxCount(carol)).isEqualTo(1);
    }

    @Test
    void repeatedFailuresAreThrottledEvenWithTheRightPassword() throws Exception {
        LoginThrottle strict = new LoginThrottle(LoginThrottle.PER_ADDRESS,
                new LoginThrottle.Policy(2, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15)), 1000, Clock.systemUTC());
        Pop3Server server = fixture.start(Pop3Fixture.settings(), strict);
        Account dave = fixture.account("dave");
        try (Pop3Client client = Pop3Client.connect(Pop3Fixture.port(server))) {
            assertThat(client.login(dave.address().toString(), "wrong")).startsWith("-ERR [AUTH]");
            assertThat(client.command("USER " + dave.address())).startsWith("+OK");
            assertThat(client.command("PASS wrong")).startsWith("-ERR [AUTH]");
        }
        try (Pop3Client client = Pop3Client.connect(Pop3Fixture.port(server))) {
            assertThat(client.login(dave.address().toString(), "wrong")).startsWith("-ERR [AUTH]");
            assertThat(client.command("USER " + dave.address())).startsWith("+OK");
            assertThat(client.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("-ERR [SYS/TEMP]").contains("try again in");
        }
    }
}
