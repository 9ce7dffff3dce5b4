package io.tenmail.smtp.mailet;

import io.tenmail.smtp.MailAttributes;
import io.tenmail.storage.TestDatabases;
import io.tenmail.storage.model.Account;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** "Separate display" sending: each recipient's mailbox holds a copy addressed only to them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeparateDisplayIT {
    private ProcessingSystem system;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path chain = Path.of(SeparateDisplayIT.class.getResource("/mailet/separate-display-mailetcontainer.xml").toURI());
        system = new ProcessingSystem(TestDatabases.derby(dir.resolve("data")), dir, chain);
    }

    @AfterAll
    void stop() {
        if (system != null) system.close();
    }

    private void send(String from, boolean authenticated, String headers, String... to) throws Exception {
        String body = "From: Boss <" + from + ">\r\n" + headers + "Subject: Bonus\r\nMessage-ID: <bonus-" + System.nanoTime()
                + "@example.test>\r\n\r\nYour bonus is in the attached letter.\r\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var blob = system.blobs.put(new ByteArrayInputStream(bytes), bytes.length);
        Map<String, String> attributes = new HashMap<>(Map.of(MailAttributes.LISTENER, "submission", MailAttributes.CLIENT_ADDRESS, "192.0.2.1"));
        if (authenticated) attributes.put(MailAttributes.AUTH_USER, from);
        system.queue.enqueue(new QueuedMail(blob.id(), blob.size(), Optional.of(EmailAddress.parse(from)),
                Arrays.stream(to).map(a -> QueuedRecipient.pending(EmailAddress.parse(a))).toList(), attributes, Instant.now()));
        system.wakeup.signal();
    }

    @Test
    void eachRecipientGetsACopyAddressedOnlyToThem() throws Exception {
        Account boss = system.account("boss", 0);
        Account ann = system.account("ann", 0);
        Account ben = system.account("ben", 0);
        Account cid = system.account("cid", 0);
        send(boss.address().toString(), true, "To: Ann <" + ann.address() + ">, " + ben.address() + "\r\nCc: " + cid.address()
                + "\r\nX-Tenmail-Separate-Display: yes\r\n", ann.address().toString(), ben.address().toString(), cid.address().toString());

        String toAnn = system.text(system.awaitInbox(ann.id(), 1).get(0));
        String toBen = system.text(system.awaitInbox(ben.id(), 1).get(0));
        String toCid = system.text(system.awaitInbox(cid.id(), 1).get(0));
        assertThat(toAnn).contains("To: Ann <" + ann.address() + ">\r\n").doesNotContain(ben.address().toString())
                .doesNotContain(cid.address().toString()).doesNotContainIgnoringCase("Cc:").contains("Your bonus");
        assertThat(toBen).contains("To: " + ben.address() + "\r\n").doesNotContain(ann.address().toString()).doesNotContain(cid.address().toString());
        assertThat(toCid).contains("To: " + cid.address() + "\r\n").doesNotContain(ann.address().toString()).doesNotContain(ben.address().toString());
        for (String copy : new String[]{toAnn, toBen, toCid}) {
            assertThat(copy).doesNotContainIgnoringCase("X-Tenmail-Separate-Display").contains("Subject: Bonus").contains("Message-ID: <bonus-");
        }
        system.awaitQueueDrained();
        assertThat(system.inbox(ann.id())).as("one copy each, the original was not delivered as well").hasSize(1);
    }

    @Test
    void theFieldFromAClientThatDidNotLogInIsIgnored() throws Exception {
        Account ann = system.account("ann", 0);
        Account ben = system.account("ben", 0);
        send("stranger@remote.test", false, "To: " + ann.address() + ", " + ben.address() + "\r\nX-Tenmail-Separate-Display: yes\r\n",
                ann.address().toString(), ben.address().toString());
        String toAnn = system.text(system.awaitInbox(ann.id(), 1).get(0));
        assertThat(toAnn).contains("To: " + ann.address() + ", " + ben.address());
    }

    @Test
    void aSingleRecipientOnlyLosesTheField() throws Exception {
        Account boss = system.account("boss", 0);
        Account ann = system.account("ann", 0);
        send(boss.address().toString(), true, "To: " + ann.address() + "\r\nCc: someone@example.test\r\nX-Tenmail-Separate-Display: yes\r\n",
                ann.address().toString());
        String toAnn = system.text(system.awaitInbox(ann.id(), 1).get(0));
        assertThat(toAnn).doesNotContainIgnoringCase("X-Tenmail-Separate-Display").contains("Cc: someone@example.test");
    }
}
