package io.tenmail.imap.it;

import io.tenmail.storage.model.Account;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Angus Mail (Jakarta Mail) as a real client: IMAPS, STARTTLS, folders, fetch, flags, IDLE. */
class AngusMailIT {
    @TempDir
    static Path dir;
    static ImapTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new ImapTestServer(dir);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private Store connect(Account account, boolean implicitTls) throws Exception {
        Properties p = new Properties();
        String proto = implicitTls ? "imaps" : "imap";
        p.put("mail." + proto + ".ssl.socketFactory", server.clientTls().getSocketFactory());
        p.put("mail." + proto + ".ssl.checkserveridentity", "false");
        p.put("mail." + proto + ".connectiontimeout", "10000");
        p.put("mail." + proto + ".timeout", "20000");
        if (!implicitTls) {
            p.put("mail.imap.starttls.enable", "true");
            p.put("mail.imap.starttls.required", "true");
        }
        Store store = Session.getInstance(p).getStore(proto);
        store.connect("127.0.0.1", implicitTls ? server.imapsPort() : server.imapPort(), account.address().toString(),
                ImapTestServer.PASSWORD);
        return store;
    }

    @Test
    void implicitTlsClientListsFoldersFetchesAndSetsFlags() throws Exception {
        Account alice = server.account("angus");
        server.deliver(alice, "INBOX", "From: Bob <bob@example.test>\nSubject: Hello Alice\n\nHi there\n");
        Store store = connect(alice, true);
        try {
            assertThat(Arrays.stream(store.getDefaultFolder().list("*")).map(Folder::getFullName))
                    .contains("INBOX", "Sent", "Drafts", "Junk", "Trash", "Archive");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            Message m = inbox.getMessage(1);
            assertThat(m.getSubject()).isEqualTo("Hello Alice");
            assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("bob@example.test");
            assertThat(m.getContent().toString()).contains("Hi there");
            m.setFlag(Flags.Flag.FLAGGED, true);
            inbox.close(false);
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessage(1).isSet(Flags.Flag.FLAGGED)).isTrue();
            assertThat(inbox.getMessage(1).isSet(Flags.Flag.SEEN)).as("implicit \\Seen from reading the body").isTrue();
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void startTlsClientAppendsAndReadsBackAChineseFolder() throws Exception {
        Account alice = server.account("angus");
        Store store = connect(alice, false);
        try {
            Folder folder = store.getFolder("项目/二〇二六");
            assertThat(folder.create(Folder.HOLDS_MESSAGES)).isTrue();
            MimeMessage msg = new MimeMessage((Session) null);
            msg.setSubject("报告", "UTF-8");
            msg.setText("正文", "UTF-8");
            folder.appendMessages(new Message[] {msg});
            assertThat(Arrays.stream(store.getDefaultFolder().list("*")).map(Folder::getFullName)).contains("项目", "项目/二〇二六");
            folder.open(Folder.READ_ONLY);
            assertThat(folder.getMessage(1).getSubject()).isEqualTo("报告");
            folder.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void idleReturnsWhenAMessageIsDelivered() throws Exception {
        Account alice = server.account("angus");
        Store store = connect(alice, true);
        try {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            CompletableFuture<Void> idle = CompletableFuture.runAsync(() -> {
                try {
                    inbox.idle(true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // deliver until the IDLE ends: the first delivery may come before the IDLE command is sent
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int n = 0;
            while (!idle.isDone() && System.nanoTime() < deadline) {
                server.deliver(alice, "INBOX", "Subject: wake " + (++n) + "\n\nx\n");
                try {
                    idle.get(500, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // not yet; deliver again
                }
            }
            assertThat(idle).isDone();
            assertThat(inbox.getMessageCount()).isGreaterThanOrEqualTo(1);
            inbox.close(false);
        } finally {
            store.close();
        }
    }
}
