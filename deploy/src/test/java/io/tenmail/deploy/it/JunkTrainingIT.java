package io.tenmail.deploy.it;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spam filter learns from IMAP: a user MOVEs mail into Junk (spam) and out of it (ham) with
 * Angus Mail, and a similar message to a colleague in the same tenant is then filed in Junk. The
 * default chain with BayesCheck's minimum training lowered to 2 messages of each kind.
 */
class JunkTrainingIT {
    @TempDir
    Path temp;

    private TenmailProcess server;
    private Process process;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) server.close();
    }

    @Test
    void movesIntoAndOutOfJunkOverImapTeachTheFilterToFileASimilarMessageInJunk() throws Exception {
        server = new TenmailProcess(temp);
        String chain = Files.readString(TenmailProcess.HOME.resolve("conf/mailetcontainer.xml")).replace(
                "<mailet match=\"SpamCheckEnabled=bayes\" class=\"io.tenmail.smtp.spam.bayes.BayesCheck\"/>",
                "<mailet match=\"SpamCheckEnabled=bayes\" class=\"io.tenmail.smtp.spam.bayes.BayesCheck\"><minimumTraining>2</minimumTraining>"
                        + "<spamScore>20</spamScore></mailet>")
                // the test's SMTP client is on loopback, which IsJunk trusts (it files nothing from
                // it); IsSpam decides on the score alone
                .replace("<mailet match=\"IsJunk\" class=\"SetMailAttribute\">", "<mailet match=\"IsSpam=5.0\" class=\"SetMailAttribute\">");
        assertThat(chain).contains("<minimumTraining>2</minimumTraining>").contains("match=\"IsSpam=5.0\"");
        Path chainFile = temp.resolve("mailetcontainer.xml");
        Files.writeString(chainFile, chain);
        server.env().put("TENMAIL_SPOOLER_CONFIG_FILE", chainFile.toString());
        process = server.serveAndAwaitHealthy();
        server.cliOk("domain", "add", "example.test");
        server.cliOk("user", "add", "alice@example.test", "--password", "Alice-Passw0rd");
        server.cliOk("user", "add", "bob@example.test", "--password", "Bob-Passw0rd");

        for (int i = 0; i < 2; i++) send("alice@example.test", spamSubject(i), spamBody(i));
        for (int i = 0; i < 2; i++) send("alice@example.test", hamSubject(i), hamBody(i));
        Store alice = imap("alice@example.test", "Alice-Passw0rd");
        try {
            IMAPFolder inbox = (IMAPFolder) alice.getFolder("INBOX");
            await(() -> count(inbox) == 4, "alice's INBOX to hold 4 messages");
            inbox.open(Folder.READ_WRITE);
            Message[] all = inbox.getMessages();
            Message[] spam = Arrays.stream(all).filter(m -> subject(m).contains("pills")).toArray(Message[]::new);
            Message[] ham = Arrays.stream(all).filter(m -> subject(m).contains("meeting")).toArray(Message[]::new);
            IMAPFolder junk = (IMAPFolder) alice.getFolder("Junk");
            // RFC 6851 MOVE: the spam, and the meeting mails by mistake, which she then takes out again
            inbox.moveMessages(spam, junk);
            inbox.moveMessages(ham, junk);
            inbox.close();
            awaitLog(2);
            junk.open(Folder.READ_WRITE);
            Message[] rescued = Arrays.stream(junk.getMessages()).filter(m -> subject(m).contains("meeting")).toArray(Message[]::new);
            assertThat(rescued).hasSize(2);
            junk.moveMessages(rescued, inbox);
            junk.close();
            awaitLog(3);
        } finally {
            alice.close();
        }

        send("bob@example.test", spamSubject(7), spamBody(7));
        send("bob@example.test", hamSubject(7), hamBody(7));
        Store bob = imap("bob@example.test", "Bob-Passw0rd");
        try {
            Folder junk = bob.getFolder("Junk");
            Folder inbox = bob.getFolder("INBOX");
            await(() -> count(junk) == 1 && count(inbox) == 1, "bob's spam in Junk and his meeting mail in INBOX");
            junk.open(Folder.READ_ONLY);
            MimeMessage filed = (MimeMessage) junk.getMessage(1);
            assertThat(filed.getSubject()).contains("pills");
            assertThat(String.join(" ", filed.getHeader("X-Spam-Status"))).startsWith("Yes").contains("BAYES_SPAM");
            junk.close();
        } finally {
            bob.close();
        }
    }

    /** Waits until the server has logged {@code trainings} trainings (training runs off the IMAP thread). */
    private void awaitLog(int trainings) throws Exception {
        await(() -> {
            try {
                return Files.readString(server.log(process)).split("bayes: trained", -1).length - 1 >= trainings;
            } catch (java.io.IOException e) {
                return false;
            }
        }, trainings + " trainings in the server log");
    }

    private static String spamSubject(int n) {
        return "Cheap pills discount pharmacy offer " + n;
    }

    private static String spamBody(int n) {
        return "Buy cheap viagra pills online, best pharmacy discount, limited offer, click http://pills.example.invalid/buy now " + n + "\n";
    }

    private static String hamSubject(int n) {
        return "Project meeting agenda " + n;
    }

    private static String hamBody(int n) {
        return "Hi team, the quarterly project review meeting moves to Thursday; please bring the budget spreadsheet " + n + "\n";
    }

    private static String subject(Message m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(Folder folder) {
        try {
            return folder.getMessageCount();
        } catch (MessagingException e) {
            return -1;
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
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

    private void send(String to, String subject, String body) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(server.port("SMTP")));
        p.put("mail.smtp.localhost", "client.remote.test");
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "30000");
        MimeMessage message = new MimeMessage(Session.getInstance(p));
        message.setFrom(new InternetAddress("sender@remote.test"));
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText(body);
        Transport.send(message);
    }
}
