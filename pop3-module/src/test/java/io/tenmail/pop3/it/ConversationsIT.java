package io.tenmail.pop3.it;

import io.tenmail.pop3.Pop3Server;
import io.tenmail.storage.DirectoryAdmin.AccountChange;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AppendResult;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.MailboxName;
import io.tenmail.storage.model.MessageMeta;
import io.tenmail.storage.model.Protocol;
import io.tenmail.storage.model.UidRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw-socket conversations with the real server and store: every command of RFC 1939 and its
 * error paths. The server allows plain-text login on loopback, as the default configuration does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationsIT {
    private Pop3Fixture fixture;
    private Pop3Server server;
    private int port;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        fixture = new Pop3Fixture(dataDir);
        server = fixture.start(Pop3Fixture.settings());
        port = Pop3Fixture.port(server);
    }

    @AfterAll
    void stop() {
        if (fixture != null) fixture.close();
    }

    private Pop3Client loggedIn(Account account) throws Exception {
        Pop3Client client = Pop3Client.connect(port);
        assertThat(client.login(account.address().toString(), Pop3Fixture.PASSWORD)).startsWith("+OK");
        return client;
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static int octets(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void greetingAndCapabilitiesBeforeLogin() throws Exception {
        try (Pop3Client client = Pop3Client.connect(port)) {
            assertThat(client.readLine()).startsWith("+OK");
            assertThat(client.command("CAPA")).startsWith("+OK");
            assertThat(client.readBody()).contains("TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "USER",
                    "SASL PLAIN LOGIN", "STLS");
            assertThat(client.command("QUIT")).startsWith("+OK");
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void statListAndRetrReportStoredSizesAndExactContent() throws Exception {
        Account alice = fixture.account("alice");
        String first = Pop3Fixture.message("first", "Hello\r\n");
        String second = Pop3Fixture.message("second", "Second body\r\nwith two lines\r\n");
        fixture.deliver(alice, first);
        fixture.deliver(alice, second);
        try (Pop3Client client = loggedIn(alice)) {
            assertThat(client.command("STAT")).isEqualTo("+OK 2 " + (octets(first) + octets(second)));
            assertThat(client.command("LIST")).startsWith("+OK");
            assertThat(client.readBody()).containsExactly("1 " + octets(first), "2 " + octets(second));
            assertThat(client.command("LIST 2")).isEqualTo("+OK 2 " + octets(second));
            assertThat(client.command("RETR 2")).isEqualTo("+OK " + octets(second) + " octets");
            assertThat(new String(client.readBodyBytes(), StandardCharsets.UTF_8)).isEqualTo(second);
            assertThat(client.command("NOOP")).isEqualTo("+OK");
            assertThat(client.command("QUIT")).startsWith("+OK");
        }
        assertThat(fixture.inboxCount(alice)).isEqualTo(2);
    }

    @Test
    void linesStartingWithADotAreStuffedOnTheWire() throws Exception {
        Account bob = fixture.account("bob");
        String body = ".hidden\r\n.\r\n..two\r\nnormal\r\n. spaced\r\n";
        String message = Pop3Fixture.message("dots", body);
        fixture.deliver(bob, message);
        try (Pop3Client client = loggedIn(bob)) {
            assertThat(client.command("RETR 1")).startsWith("+OK");
            List<String> raw = new ArrayList<>();
            for (String line = client.readLine(); !line.equals("."); line = client.readLine()) raw.add(line);
            assertThat(raw).endsWith("..hidden", "..", "...two", "normal", ".. spaced");
            assertThat(client.command("RETR 1")).startsWith("+OK");
            assertThat(new String(client.readBodyBytes(), StandardCharsets.UTF_8)).isEqualTo(message);
        }
    }

    @Test
    void topSendsTheHeaderAndTheAskedNumberOfBodyLines() throws Exception {
        Account carol = fixture.account("carol");
        String message = Pop3Fixture.message("top", ".one\r\ntwo\r\nthree\r\n");
        fixture.deliver(carol, message);
        String header = message.substring(0, message.indexOf("\r\n\r\n") + 2);
        try (Pop3Client client = loggedIn(carol)) {
            assertThat(client.command("TOP 1 0")).startsWith("+OK");
            assertThat(new String(client.readBodyBytes(), StandardCharsets.UTF_8)).isEqualTo(header + "\r\n");
            assertThat(client.command("TOP 1 2")).startsWith("+OK");
            assertThat(new String(client.readBodyBytes(), StandardCharsets.UTF_8)).isEqualTo(header + "\r\n.one\r\ntwo\r\n");
            assertThat(client.command("TOP 1 100")).startsWith("+OK");
            assertThat(new String(client.readBodyBytes(), StandardCharsets.UTF_8)).isEqualTo(message);
            assertThat(client.command("TOP 1 -1")).startsWith("-ERR");
            assertThat(client.command("TOP 1")).startsWith("-ERR");
            assertThat(client.command("TOP 2 0")).startsWith("-ERR");
        }
    }

    @Test
    void uidlIsUidValidityDotUidAndStableAcrossSessions() throws Exception {
        Account dave = fixture.account("dave");
        AppendResult a = fixture.deliver(dave, Pop3Fixture.message("a", "a\r\n"));
        AppendResult b = fixture.deliver(dave, Pop3Fixture.message("b", "b\r\n"));
        String idA = a.uidValidity().value() + "." + a.uid().value();
        String idB = b.uidValidity().value() + "." + b.uid().value();
        List<String> firstListing;
        try (Pop3Client client = loggedIn(dave)) {
            assertThat(client.command("UIDL")).startsWith("+OK");
            firstListing = client.readBody();
            assertThat(firstListing).containsExactly("1 " + idA, "2 " + idB);
            assertThat(client.command("UIDL 2")).isEqualTo("+OK 2 " + idB);
            assertThat(client.command("DELE 1")).startsWith("+OK");
            assertThat(client.command("UIDL")).startsWith("+OK");
            assertThat(client.readBody()).containsExactly("2 " + idB);
            assertThat(client.command("UIDL 1")).startsWith("-ERR");
            assertThat(client.command("RSET")).startsWith("+OK");
            client.command("QUIT");
        }
        AppendResult c = fixture.deliver(dave, Pop3Fixture.message("c", "c\r\n"));
        try (Pop3Client client = loggedIn(dave)) {
            assertThat(client.command("UIDL")).startsWith("+OK");
            assertThat(client.readBody()).containsExactly("1 " + idA, "2 " + idB, "3 " + c.uidValidity().value() + "." + c.uid().value());
        }
    }

    @Test
    void deleMarksRsetUnmarksAndNothingIsRemovedWithoutQuit() throws Exception {
        Account erin = fixture.account("erin");
        String m1 = Pop3Fixture.message("one", "1\r\n");
        String m2 = Pop3Fixture.message("two", "2\r\n");
        fixture.deliver(erin, m1);
        fixture.deliver(erin, m2);
        try (Pop3Client client = loggedIn(erin)) {
            assertThat(client.command("DELE 1")).startsWith("+OK");
            assertThat(client.command("STAT")).isEqualTo("+OK 1 " + octets(m2));
            assertThat(client.command("LIST 1")).startsWith("-ERR");
            assertThat(client.command("RETR 1")).startsWith("-ERR");
            assertThat(client.command("DELE 1")).startsWith("-ERR");
            assertThat(client.command("LIST")).startsWith("+OK");
            assertThat(client.readBody()).containsExactly("2 " + octets(m2));
            assertThat(fixture.inboxCount(erin)).isEqualTo(2);
            assertThat(client.command("RSET")).startsWith("+OK");
            assertThat(client.command("STAT")).isEqualTo("+OK 2 " + (octets(m1) + octets(m2)));
            assertThat(client.command("QUIT")).startsWith("+OK");
        }
        assertThat(fixture.inboxCount(erin)).isEqualTo(2);
    }

    @Test
    void quitRemovesTheMarkedMessagesAndOnlyThose() throws Exception {
        Account frank = fixture.account("frank");
        fixture.deliver(frank, Pop3Fixture.message("one", "1\r\n"));
        AppendResult kept = fixture.deliver(frank, Pop3Fixture.message("two", "2\r\n"));
        fixture.deliver(frank, Pop3Fixture.message("three", "3\r\n"));
        try (Pop3Client client = loggedIn(frank)) {
            client.command("DELE 1");
            client.command("DELE 3");
            assertThat(client.command("QUIT")).isEqualTo("+OK Bye, 2 messages deleted");
            assertThat(client.closedByServer()).isTrue();
        }
        var inbox = fixture.store.mailbox(frank.id(), MailboxName.INBOX).orElseThrow();
        List<MessageMeta> left = fixture.store.messages(frank.id(), inbox.id(), List.of(UidRange.ALL));
        assertThat(left).extracting(MessageMeta::uid).containsExactly(kept.uid());
        try (Pop3Client client = loggedIn(frank)) {
            assertThat(client.command("STAT")).startsWith("+OK 1 ");
        }
    }

    @Test
    void aDroppedConnectionDeletesNothingAndReleasesTheMaildrop() throws Exception {
        Account gina = fixture.account("gina");
        fixture.deliver(gina, Pop3Fixture.message("keep", "k\r\n"));
        Pop3Client client = loggedIn(gina);
        assertThat(client.command("DELE 1")).startsWith("+OK");
        client.drop();
        Await.until("the maildrop is released", () -> !server.locks().isLocked(gina.id()));
        assertThat(fixture.inboxCount(gina)).isEqualTo(1);
        try (Pop3Client again = loggedIn(gina)) {
            assertThat(again.command("STAT")).startsWith("+OK 1 ");
        }
    }

    @Test
    void aSecondSessionOnTheSameMaildropIsInUse() throws Exception {
        Account hank = fixture.account("hank");
        try (Pop3Client first = loggedIn(hank); Pop3Client second = Pop3Client.connect(port)) {
            assertThat(second.login(hank.address().toString(), Pop3Fixture.PASSWORD)).startsWith("-ERR [IN-USE]");
            assertThat(second.command("USER " + hank.address())).startsWith("+OK");
            assertThat(second.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("-ERR [IN-USE]");
            assertThat(first.command("QUIT")).startsWith("+OK");
            Await.until("the maildrop is released", () -> !server.locks().isLocked(hank.id()));
            assertThat(second.command("USER " + hank.address())).startsWith("+OK");
            assertThat(second.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("+OK");
        }
    }

    @Test
    void aClientThatReconnectsRightAfterQuitIsNotInUse() throws Exception {
        Account vera = fixture.account("vera");
        fixture.deliver(vera, Pop3Fixture.message("again", "again\r\n"));
        for (int i = 0; i < 5; i++) {
            try (Pop3Client client = loggedIn(vera)) {
                assertThat(client.command("QUIT")).startsWith("+OK");
            }
        }
    }

    @Test
    void messagesDeliveredAfterLoginWaitForTheNextSession() throws Exception {
        Account ivy = fixture.account("ivy");
        fixture.deliver(ivy, Pop3Fixture.message("before", "b\r\n"));
        try (Pop3Client client = loggedIn(ivy)) {
            fixture.deliver(ivy, Pop3Fixture.message("after", "a\r\n"));
            assertThat(client.command("STAT")).startsWith("+OK 1 ");
            assertThat(client.command("RETR 2")).startsWith("-ERR");
        }
        Await.until("the maildrop is released", () -> !server.locks().isLocked(ivy.id()));
        try (Pop3Client client = loggedIn(ivy)) {
            assertThat(client.command("STAT")).startsWith("+OK 2 ");
        }
    }

    @Test
    void badInputGetsAnErrorAndTheSessionCarriesOn() throws Exception {
        Account jack = fixture.account("jack");
        fixture.deliver(jack, Pop3Fixture.message("x", "x\r\n"));
        try (Pop3Client client = loggedIn(jack)) {
            for (String bad : List.of("RETR 0", "RETR 2", "RETR 99999999999999999999999", "RETR abc", "RETR", "RETR 1 2",
                    "LIST 1 2", "LIST x", "DELE", "DELE -1", "UIDL 0", "TOP", "TOP x 1", "STAT 1", "NOOP now", "RSET 1",
                    "USER someone", "PASS secret", "AUTH PLAIN", "STLS", "APOP a b", "XYZZY", "", "retr\t1\t2")) {
                assertThat(client.command(bad)).as(bad).startsWith("-ERR");
            }
            assertThat(client.command("USER " + "u".repeat(1500))).startsWith("-ERR");
            assertThat(client.command("NOOP " + "n".repeat(5000))).startsWith("-ERR");
            client.sendRaw(new byte[] {'N', 'O', 'O', 'P', ' ', (byte) 0xff, '\r', '\n'});
            assertThat(client.readLine()).startsWith("-ERR");
            assertThat(client.command("noop")).isEqualTo("+OK");
            assertThat(client.command("STAT")).startsWith("+OK 1 ");
        }
        assertThat(fixture.inboxCount(jack)).isEqualTo(1);
    }

    @Test
    void commandsInTheWrongStateAreRefusedBeforeLogin() throws Exception {
        try (Pop3Client client = Pop3Client.connect(port)) {
            client.readLine();
            for (String command : List.of("STAT", "LIST", "RETR 1", "DELE 1", "NOOP", "RSET", "TOP 1 1", "UIDL")) {
                assertThat(client.command(command)).as(command).startsWith("-ERR");
            }
            assertThat(client.command("PASS x")).startsWith("-ERR");
            assertThat(client.command("CAPA")).startsWith("+OK");
            client.readBody();
        }
    }

    @Test
    void aWrongPasswordIsAnAuthErrorAndTheRightOneStillWorks() throws Exception {
        Account kim = fixture.account("kim");
        try (Pop3Client client = Pop3Client.connect(port)) {
            assertThat(client.login(kim.address().toString(), "wrong")).startsWith("-ERR [AUTH]");
            assertThat(client.command("USER nobody@" + fixture.domain.name())).startsWith("+OK");
            assertThat(client.command("PASS wrong")).startsWith("-ERR [AUTH]");
            assertThat(client.command("USER " + kim.address())).startsWith("+OK");
            assertThat(client.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("+OK");
        }
    }

    @Test
    void threeFailedLoginsCloseTheConnection() throws Exception {
        Account lou = fixture.account("lou");
        try (Pop3Client client = Pop3Client.connect(port)) {
            client.readLine();
            for (int i = 0; i < 3; i++) {
                client.command("USER " + lou.address());
                assertThat(client.command("PASS wrong")).startsWith("-ERR [AUTH]");
            }
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void authPlainAndAuthLoginLogIn() throws Exception {
        Account mia = fixture.account("mia");
        String user = mia.address().toString();
        try (Pop3Client client = Pop3Client.connect(port)) {
            client.readLine();
            assertThat(client.command("AUTH PLAIN " + b64("\0" + user + "\0" + Pop3Fixture.PASSWORD))).startsWith("+OK");
            assertThat(client.command("STAT")).startsWith("+OK 0 0");
            client.command("QUIT");
        }
        Await.until("the maildrop is released", () -> !server.locks().isLocked(mia.id()));
        try (Pop3Client client = Pop3Client.connect(port)) {
            client.readLine();
            assertThat(client.command("AUTH LOGIN")).isEqualTo("+ VXNlcm5hbWU6");
            assertThat(client.command(b64(user))).isEqualTo("+ UGFzc3dvcmQ6");
            assertThat(client.command(b64(Pop3Fixture.PASSWORD))).startsWith("+OK");
            client.command("QUIT");
        }
        Await.until("the maildrop is released", () -> !server.locks().isLocked(mia.id()));
        try (Pop3Client client = Pop3Client.connect(port)) {
            client.readLine();
            assertThat(client.command("AUTH PLAIN")).isEqualTo("+ ");
            assertThat(client.command(b64(user + "\0" + user + "\0" + Pop3Fixture.PASSWORD))).startsWith("+OK");
        }
    }

    @Test
    void commandsPipelinedInOneWriteAreAnsweredInOrder() throws Exception {
        Account ned = fixture.account("ned");
        String message = Pop3Fixture.message("pipelined", ".dot\r\nbody\r\n");
        fixture.deliver(ned, message);
        try (Pop3Client client = Pop3Client.connect(port)) {
            client.readLine();
            client.sendRaw(("USER " + ned.address() + "\r\nPASS " + Pop3Fixture.PASSWORD + "\r\nSTAT\r\nLIST\r\nRETR 1\r\nTOP 1 0\r\n"
                    + "UIDL 1\r\nDELE 1\r\nSTAT\r\nRSET\r\nQUIT\r\n").getBytes(StandardCharsets.UTF_8));
            assertThat(client.readLine()).startsWith("+OK");
            assertThat(client.readLine()).startsWith("+OK");
            assertThat(client.readLine()).isEqualTo("+OK 1 " + octets(message));
            assertThat(client.readLine()).startsWith("+OK");
            assertThat(client.readBody()).containsExactly("1 " + octets(message));
            assertThat(client.readLine()).startsWith("+OK");
            assertThat(new String(client.readBodyBytes(), StandardCharsets.UTF_8)).isEqualTo(message);
            assertThat(client.readLine()).startsWith("+OK");
            assertThat(client.readBody()).isNotEmpty();
            assertThat(client.readLine()).startsWith("+OK 1 ");
            assertThat(client.readLine()).startsWith("+OK");
            assertThat(client.readLine()).isEqualTo("+OK 0 0");
            assertThat(client.readLine()).startsWith("+OK");
            assertThat(client.readLine()).isEqualTo("+OK Bye, 0 messages deleted");
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(fixture.inboxCount(ned)).isEqualTo(1);
    }

    @Test
    void aLargeMessageStreamsIntactWithItsDotLines() throws Exception {
        Account olga = fixture.account("olga");
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 3_000_000; i++) {
            body.append(i % 7 == 0 ? "." : "").append("line ").append(i).append(" of a big message ").append("x".repeat(i % 100)).append("\r\n");
        }
        String message = Pop3Fixture.message("big", body.toString());
        fixture.deliver(olga, message);
        try (Pop3Client client = loggedIn(olga)) {
            assertThat(client.command("LIST 1")).isEqualTo("+OK 1 " + octets(message));
            assertThat(client.command("RETR 1")).isEqualTo("+OK " + octets(message) + " octets");
            assertThat(new String(client.readBodyBytes(), StandardCharsets.UTF_8)).isEqualTo(message);
            assertThat(client.command("NOOP")).isEqualTo("+OK");
        }
    }

    @Test
    void aMessageWhoseContentVanishedIsAnErrorNotABrokenSession() throws Exception {
        Account pia = fixture.account("pia");
        String unique = "only pia has this body " + System.nanoTime() + "\r\n";
        AppendResult gone = fixture.deliver(pia, Pop3Fixture.message("gone", unique));
        fixture.deliver(pia, Pop3Fixture.message("here", "here\r\n"));
        try (Pop3Client client = loggedIn(pia)) {
            // IMAP expunged it and the blob sweeper removed its bytes while this session was open
            var inbox = fixture.store.mailbox(pia.id(), MailboxName.INBOX).orElseThrow();
            MessageMeta meta = fixture.store.messages(pia.id(), inbox.id(), List.of(UidRange.of(gone.uid()))).get(0);
            fixture.store.delete(pia.id(), inbox.id(), List.of(gone.uid()));
            fixture.blobs.delete(meta.blob());
            assertThat(client.command("RETR 1")).startsWith("-ERR");
            assertThat(client.command("RETR 2")).startsWith("+OK");
            client.readBody();
            assertThat(client.command("DELE 1")).startsWith("+OK");
            assertThat(client.command("QUIT")).isEqualTo("+OK Bye, 0 messages deleted");
        }
    }

    @Test
    void accountsWithPop3SwitchedOffAreRefusedWithAuth() throws Exception {
        Account quinn = fixture.account("quinn");
        fixture.admin.updateAccount(fixture.tenant.id(), quinn.id(), new AccountChange(
                Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Set.of(Protocol.IMAP, Protocol.SMTP)),
                Optional.empty()));
        try (Pop3Client client = Pop3Client.connect(port)) {
            assertThat(client.login(quinn.address().toString(), Pop3Fixture.PASSWORD)).startsWith("-ERR [AUTH]").contains("POP3");
        }
    }

    @Test
    void accountsRequiringAppPasswordsAreRefusedWithAuthAndAcceptAnAppPassword() throws Exception {
        Account rita = fixture.account("rita");
        fixture.admin.updateAccount(fixture.tenant.id(), rita.id(), new AccountChange(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(true)));
        var appPassword = fixture.admin.createAppPassword(fixture.tenant.id(), rita.id(), "Foxmail",
                Set.of(Protocol.POP3), List.of(), Optional.empty());
        try (Pop3Client client = Pop3Client.connect(port)) {
            assertThat(client.login(rita.address().toString(), Pop3Fixture.PASSWORD)).startsWith("-ERR [AUTH]").contains("app password");
            assertThat(client.command("USER " + rita.address())).startsWith("+OK");
            assertThat(client.command("PASS " + appPassword.secret())).startsWith("+OK");
        }
    }

    @Test
    void theInboxOfAFreshAccountIsCreatedAtFirstLogin() throws Exception {
        Account sam = fixture.admin.createAccount(fixture.tenant.id(),
                new EmailAddress("sam" + System.nanoTime(), fixture.domain.name()), "Sam", Pop3Fixture.PASSWORD, 0);
        try (Pop3Client client = loggedIn(sam)) {
            assertThat(client.command("STAT")).isEqualTo("+OK 0 0");
            assertThat(client.command("LIST")).startsWith("+OK");
            assertThat(client.readBody()).isEmpty();
        }
        assertThat(fixture.store.mailbox(sam.id(), MailboxName.INBOX)).isPresent();
    }
}
