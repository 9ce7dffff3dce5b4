package io.tenmail.smtp.dsn;

import io.tenmail.smtp.mailet.QueueInjector;
import io.tenmail.smtp.mailet.QueueWakeup;
import io.tenmail.storage.MailQueue;
import io.tenmail.storage.blob.FileBlobStore;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.QueuedMail;
import org.apache.james.core.MailAddress;
import org.apache.mailet.DsnParameters;
import org.apache.mailet.DsnParameters.Notify;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Who gets a report: RFC 3461 NOTIFY, and never a report on a report. */
class QueuedDeliveryReportsTest {
    @TempDir
    Path dir;

    private final List<QueuedMail> queued = new ArrayList<>();
    private QueuedDeliveryReports reports;

    @BeforeEach
    void setUp() {
        MailQueue queue = (MailQueue) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MailQueue.class}, (p, method, args) -> {
            if (!method.getName().equals("enqueue")) throw new UnsupportedOperationException(method.getName());
            queued.add((QueuedMail) args[0]);
            return new QueueEntryId(queued.size());
        });
        reports = new QueuedDeliveryReports(new QueueInjector(new FileBlobStore(dir), queue, new QueueWakeup()), "mx.example.test", Clock.systemUTC());
    }

    static FakeMail mail(String sender, Optional<DsnParameters> dsn) throws Exception {
        FakeMail.Builder b = FakeMail.builder().name("m1").recipients("bob@example.test", "carol@example.test")
                .mimeMessage(new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                        new java.io.ByteArrayInputStream("Subject: x\r\n\r\nbody\r\n".getBytes())));
        if (sender == null) b.sender(MailAddress.nullSender());
        else b.sender(sender);
        FakeMail mail = b.build();
        dsn.ifPresent(mail::setDsnParameters);
        return mail;
    }

    static DeliveryFailure failure(String recipient) throws Exception {
        return new DeliveryFailure(new MailAddress(recipient), "550 5.1.1 no such user", Optional.empty());
    }

    @Test
    void aFailureIsReportedToTheSenderWithTheNullReversePath() throws Exception {
        reports.failed(mail("alice@example.test", Optional.empty()), List.of(failure("bob@example.test")));
        assertThat(queued).singleElement().satisfies(q -> {
            assertThat(q.reversePath()).isEmpty();
            assertThat(q.recipients()).extracting(r -> r.address().toString()).containsExactly("alice@example.test");
        });
    }

    @Test
    void aMailWithTheNullReversePathIsNeverReportedOn() throws Exception {
        reports.failed(mail(null, Optional.empty()), List.of(failure("bob@example.test")));
        assertThat(queued).isEmpty();
    }

    @Test
    void notifyNeverAndNotifyWithoutFailureSuppressTheReportForThatRecipient() throws Exception {
        DsnParameters dsn = DsnParameters.builder()
                .addRcptParameter(new MailAddress("bob@example.test"), DsnParameters.RecipientDsnParameters.of(EnumSet.of(Notify.NEVER)))
                .addRcptParameter(new MailAddress("carol@example.test"), DsnParameters.RecipientDsnParameters.of(EnumSet.of(Notify.SUCCESS)))
                .build().orElseThrow();
        reports.failed(mail("alice@example.test", Optional.of(dsn)), List.of(failure("bob@example.test"), failure("carol@example.test")));
        assertThat(queued).isEmpty();
    }

    @Test
    void delaysAreReportedOnlyToRecipientsThatAskedOrSaidNothing() throws Exception {
        DsnParameters dsn = DsnParameters.builder()
                .addRcptParameter(new MailAddress("bob@example.test"), DsnParameters.RecipientDsnParameters.of(EnumSet.of(Notify.FAILURE)))
                .build().orElseThrow();
        reports.delayed(mail("alice@example.test", Optional.of(dsn)), List.of(failure("bob@example.test")));
        assertThat(queued).isEmpty();
        reports.delayed(mail("alice@example.test", Optional.of(dsn)), List.of(failure("carol@example.test")));
        assertThat(queued).hasSize(1);
    }
}
