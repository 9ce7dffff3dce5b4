package io.tenmail.deploy.it;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SMTP in, IMAP out, through the real server: {@code bin/tenmail serve} from the distribution on
 * free loopback ports; Angus Mail sends to a user and to a group over the MX and reads over IMAP,
 * where an IDLE session hears the delivery as it happens.
 */
class MailFlowIT {
    @TempDir
    Path temp;

    private TenmailProcess server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) server.close();
    }

    @Test
    void mailSentOverSmtpToAUserAndAGroupIsReadOverImapAndWakesAnIdleSession() throws Exception {
        server = new TenmailProcess(temp);
        server.serveAndAwaitHealthy();
        server.cliOk("domain", "add", "example.test");
        server.cliOk("user", "add", "alice@example.test", "--password", "Alice-Passw0rd");
        server.cliOk("user", "add", "bob@example.test", "--password", "Bob-Passw0rd");
        server.cliOk("group", "add", "team@example.test", "--member", "alice@example.test", "--member", "bob@example.test", "--policy", "anyone");

        Store alice = imap("alice@example.test", "Alice-Passw0rd");
        IMAPFolder inbox = (IMAPFolder) alice.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        CountDownLatch idling = new CountDownLatch(1);
        CountDownLatch heard = new CountDownLatch(1);
        // RFC 2177: IDLE, the server's "+" (idling), then an untagged EXISTS when the mail arrives, then DONE
        Thread idler = new Thread(() -> {
            try {
                inbox.doCommand(protocol -> {
                    protocol.idleStart();
                    idling.countDown();
                    while (true) {
                        Response response = protocol.readIdleResponse();
                        if (response == null || response.isTagged() || response.isBYE()) return null;
                        if (response instanceof IMAPResponse r && r.keyEquals("EXISTS")) {
                            heard.countDown();
                            protocol.idleAbort();
                        }
                    }
                });
            } catch (MessagingException e) {
                // the test fails on the latch
            }
        }, "imap-idle");
        idler.setDaemon(true);
        idler.start();
        assertThat(idling.await(30, TimeUnit.SECONDS)).as("the server accepted IDLE").isTrue();

        String subject = "hello " + UUID.randomUUID();
        send("sender@remote.test", subject, "alice@example.test");
        assertThat(heard.await(30, TimeUnit.SECONDS)).as("the IDLE session heard the delivery").isTrue();
        idler.join(TimeUnit.SECONDS.toMillis(30));
        alice.close();

        send("sender@remote.test", "to the team", "team@example.test", "alice@example.test");

        List<MimeMessage> aliceMail = awaitMessages("alice@example.test", "Alice-Passw0rd", 2);
        assertThat(aliceMail).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(subject, "to the team");
        assertThat(aliceMail.get(0).getHeader("Return-Path")).containsExactly("<sender@remote.test>");
        List<MimeMessage> bobMail = awaitMessages("bob@example.test", "Bob-Passw0rd", 1);
        assertThat(bobMail).extracting(MimeMessage::getSubject).containsExactly("to the team");
        // the group mail reached alice once although she was also a direct recipient
        assertThat(awaitMessages("alice@example.test", "Alice-Passw0rd", 2)).hasSize(2);
    }

    private List<MimeMessage> awaitMessages(String user, String password, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Store store = imap(user, password);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                Message[] messages = inbox.getMessages();
                if (messages.length >= count || System.nanoTime() > deadline) {
                    List<MimeMessage> copies = new ArrayList<>();
                    for (Message m : messages) copies.add(new MimeMessage((MimeMessage) m));
                    assertThat(copies).as("INBOX of " + user).hasSizeGreaterThanOrEqualTo(count);
                    return copies;
                }
            } finally {
                store.close();
            }
            TimeUnit.MILLISECONDS.sleep(100);   // poll interval of the deadline-bounded wait
        }
    }

    private Store imap(String user, String password) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", Integer.toString(server.port("IMAP")));
        p.put("mail.imap.connectiontimeout", "10000");
        p.put("mail.imap.timeout", "60000");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect(user, password);
        return store;
    }

    private void send(String from, String subject, String... to) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(server.port("SMTP")));
        p.put("mail.smtp.localhost", "client.remote.test");
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        Session session = Session.getInstance(p);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        for (String r : to) message.addRecipient(Message.RecipientType.TO, new InternetAddress(r));
        message.setSubject(subject);
        message.setText("Hello from the test.\n");
        Transport.send(message);
    }
}
