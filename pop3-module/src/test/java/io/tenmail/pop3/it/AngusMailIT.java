package io.tenmail.pop3.it;

import io.tenmail.pop3.Pop3Server;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.AppendResult;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Eclipse Angus Mail, the Jakarta Mail implementation, as the POP3 client: pop3, pop3s and STLS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class AngusMailIT {
    private Pop3Fixture fixture;
    private Pop3Server loopbackPlaintext;
    private Pop3Server tlsOnly;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        fixture = new Pop3Fixture(dataDir);
        loopbackPlaintext = fixture.start(Pop3Fixture.settings());
        tlsOnly = fixture.start(Pop3Fixture.settings().withAllowPlaintextOnLoopback(false));
    }

    @AfterAll
    void stop() {
        if (fixture != null) fixture.close();
    }

    private Properties properties(String protocol, int port) {
        Properties p = new Properties();
        p.put("mail." + protocol + ".host", "127.0.0.1");
        p.put("mail." + protocol + ".port", String.valueOf(port));
        // no (connection)timeout: with one set Angus connects through another path; @Timeout guards against hangs
        p.put("mail." + protocol + ".ssl.socketFactory", fixture.clientTls.getSocketFactory());
        // the factory pins the server's certificate; it names localhost and we connect to 127.0.0.1, and
        // without these Angus would fail the name check and silently retry with the JDK's default trust
        p.put("mail." + protocol + ".ssl.checkserveridentity", "false");
        p.put("mail." + protocol + ".socketFactory.fallback", "false");
        return p;
    }

    private Account accountWithTwoMessages(String name, String[] bodies, AppendResult[] results) throws Exception {
        Account account = fixture.account(name);
        for (int i = 0; i < bodies.length; i++) results[i] = fixture.deliver(account, Pop3Fixture.message(name + i, bodies[i]));
        return account;
    }

    @Test
    void readsMessagesAndUidsOverPlainPop3OnLoopback() throws Exception {
        AppendResult[] appended = new AppendResult[2];
        Account alice = accountWithTwoMessages("alice", new String[] {"first\r\n", ".dotted\r\nsecond\r\n"}, appended);
        Store store = Session.getInstance(properties("pop3", Pop3Fixture.port(loopbackPlaintext))).getStore("pop3");
        store.connect(alice.address().toString(), Pop3Fixture.PASSWORD);
        try {
            POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(2);
            Message second = inbox.getMessage(2);
            assertThat(second.getSubject()).isEqualTo("alice1");
            assertThat(second.getContent().toString()).isEqualTo(".dotted\r\nsecond\r\n");
            assertThat(inbox.getUID(inbox.getMessage(1))).isEqualTo(appended[0].uidValidity().value() + "." + appended[0].uid().value());
            // Angus derives the body size from LIST's octet count minus the header it read: exact only if LIST is
            assertThat(second.getSize()).isEqualTo(".dotted\r\nsecond\r\n".length());
            inbox.close(false);
        } finally {
            store.close();
        }
        assertThat(fixture.inboxCount(alice)).isEqualTo(2);
    }

    @Test
    void deletesOnCloseOverPop3s() throws Exception {
        AppendResult[] appended = new AppendResult[2];
        Account bob = accountWithTwoMessages("bob", new String[] {"one\r\n", "two\r\n"}, appended);
        Store store = Session.getInstance(properties("pop3s", Pop3Fixture.tlsPort(tlsOnly))).getStore("pop3s");
        store.connect(bob.address().toString(), Pop3Fixture.PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message first = inbox.getMessage(1);
            assertThat(((MimeMessage) first).getContent().toString()).isEqualTo("one\r\n");
            first.setFlag(Flags.Flag.DELETED, true);
            inbox.close(true);
        } finally {
            store.close();
        }
        assertThat(fixture.inboxCount(bob)).isEqualTo(1);
    }

    @Test
    void upgradesWithStlsWhenPlainTextIsRefused() throws Exception {
        AppendResult[] appended = new AppendResult[1];
        Account carol = accountWithTwoMessages("carol", new String[] {"over STLS\r\n"}, appended);
        Properties p = properties("pop3", Pop3Fixture.port(tlsOnly));
        p.put("mail.pop3.starttls.enable", "true");
        p.put("mail.pop3.starttls.required", "true");
        Store store = Session.getInstance(p).getStore("pop3");
        store.connect(carol.address().toString(), Pop3Fixture.PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessage(1).getContent().toString()).isEqualTo("over STLS\r\n");
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        Account dave = fixture.account("dave");
        Store store = Session.getInstance(properties("pop3s", Pop3Fixture.tlsPort(tlsOnly))).getStore("pop3s");
        try {
            store.connect(dave.address().toString(), "wrong");
            throw new AssertionError("login with a wrong password succeeded");
        } catch (jakarta.mail.AuthenticationFailedException expected) {
            assertThat(expected.getMessage()).contains("[AUTH]");
        }
    }
}
