package io.tenmail.smtp.spam;

import io.tenmail.smtp.mailet.QueueMail;
import io.tenmail.smtp.mailet.QueueMails;
import io.tenmail.storage.BlobStore;
import io.tenmail.storage.blob.FileBlobStore;
import io.tenmail.storage.model.EmailAddress;
import io.tenmail.storage.model.QueueEntry;
import io.tenmail.storage.model.QueueEntryId;
import io.tenmail.storage.model.QueuedMail;
import io.tenmail.storage.model.QueuedRecipient;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tenmail.smtp.spam.TestMails.MESSAGE;
import static io.tenmail.smtp.spam.TestMails.mail;
import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationResultsStampTest {

    @TempDir
    Path blobDir;

    private static <M extends org.apache.mailet.Mail> M stamped(M mail) throws Exception {
        AuthenticationResultsStamp stamp = new AuthenticationResultsStamp("mx.tenmail.test");
        stamp.init(TestMails.config("AuthenticationResultsStamp", Map.of()));
        stamp.service(mail);
        return mail;
    }

    /** A mail as the spooler makes it: the message in the blob store, not parsed yet. */
    private QueueMail stored(String message) throws Exception {
        BlobStore blobs = new FileBlobStore(blobDir);
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        BlobStore.StoredBlob blob = blobs.put(new ByteArrayInputStream(bytes), bytes.length);
        QueuedMail queued = new QueuedMail(blob.id(), blob.size(), Optional.of(EmailAddress.parse("a@example.test")),
                List.of(QueuedRecipient.pending(EmailAddress.parse("bob@tenmail.test"))),
                Map.of("tenmail.smtp.client-address", "192.0.2.1", "tenmail.smtp.helo", "h"), Instant.EPOCH);
        return QueueMails.of(new QueueEntry(new QueueEntryId(1), queued, "root", 0, Instant.EPOCH, Optional.empty(), 1), blobs);
    }

    private static String bytesOf(QueueMail mail) throws Exception {
        try (InputStream in = mail.openUnchanged()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void onAStoredMailTheFieldsGoOnTopOfTheUnparsedBytes() throws Exception {
        QueueMail mail = stamped(stored(MESSAGE));
        assertThat(mail.changedMessage()).isEmpty();
        assertThat(bytesOf(mail)).isEqualTo("Authentication-Results: mx.tenmail.test; none\r\n"
                + "X-Spam-Score: 0\r\nX-Spam-Status: No, score=0 required=5\r\n" + MESSAGE);
        assertThat(mail.getMessageSize()).isEqualTo(bytesOf(mail).getBytes(StandardCharsets.UTF_8).length);
        assertThat(mail.getMessage().getHeader("X-Spam-Score")).containsExactly("0");
    }

    @Test
    void aStoredMailCarryingOurVerdictOrResultsHasThemReplaced() throws Exception {
        String forged = "X-Spam-Status: No, score=-100\r\nAuthentication-Results: mx.tenmail.test; dkim=pass header.d=bank.test\r\n" + MESSAGE;
        QueueMail mail = stamped(stored(forged));
        assertThat(mail.getMessage().getHeader("X-Spam-Status")).containsExactly("No, score=0 required=5");
        assertThat(mail.getMessage().getHeader("Authentication-Results")).containsExactly("mx.tenmail.test; none");
    }

    @Test
    void theResultsGoInOneFieldOnTopWithOurName() throws Exception {
        FakeMail mail = mail("a@example.test", "192.0.2.1", "h.example.test");
        AuthAttributes.addResult(mail, "spf", "spf=pass smtp.mailfrom=example.test");
        AuthAttributes.addResults(mail, "dkim", java.util.List.of("dkim=pass header.d=example.test header.s=sel"));
        AuthAttributes.addResult(mail, "dmarc", "dmarc=pass header.from=example.test");
        stamped(mail);
        String first = Collections.list(mail.getMessage().getAllHeaderLines()).get(0);
        assertThat(first).startsWith("Authentication-Results: mx.tenmail.test;");
        assertThat(mail.getMessage().getHeader("Authentication-Results")[0].replaceAll("\\s+", " "))
                .isEqualTo("mx.tenmail.test; spf=pass smtp.mailfrom=example.test; dkim=pass header.d=example.test header.s=sel; dmarc=pass header.from=example.test");
    }

    @Test
    void aForgedFieldWithOurNameIsRemovedAndOthersKept() throws Exception {
        String forged = "Authentication-Results: mx.tenmail.test; dkim=pass header.d=bank.test\r\n"
                + "Authentication-Results: relay.other.test; spf=pass smtp.mailfrom=x.test\r\n" + MESSAGE;
        FakeMail mail = stamped(mail("a@example.test", "192.0.2.1", "h", forged));
        assertThat(mail.getMessage().getHeader("Authentication-Results"))
                .hasSize(2).noneMatch(v -> v.contains("bank.test"))
                .anyMatch(v -> v.startsWith("relay.other.test"));
    }

    @Test
    void noMethodIsReportedAsNone() throws Exception {
        FakeMail mail = stamped(mail("a@example.test", "192.0.2.1", "h"));
        assertThat(mail.getMessage().getHeader("Authentication-Results")).containsExactly("mx.tenmail.test; none");
    }

    @Test
    void theSpamHeadersCarryScoreAndVerdict() throws Exception {
        FakeMail mail = mail("a@example.test", "192.0.2.1", "h");
        SpamScore.add(mail, "SPF_FAIL", 3);
        SpamScore.add(mail, "DMARC_QUARANTINE", 6);
        stamped(mail);
        assertThat(mail.getMessage().getHeader("X-Spam-Score")).containsExactly("9");
        assertThat(mail.getMessage().getHeader("X-Spam-Status")).containsExactly("Yes, score=9 required=5 tests=SPF_FAIL=3,DMARC_QUARANTINE=6");
    }

    @Test
    void authenticatedMailWithoutChecksGetsNoResultsField() throws Exception {
        FakeMail mail = mail("a@example.test", "192.0.2.1", "h");
        mail.setAttribute(new Attribute(AttributeName.of("tenmail.smtp.auth-user"), AttributeValue.of("a@example.test")));
        stamped(mail);
        assertThat(mail.getMessage().getHeader("Authentication-Results")).isNull();
        assertThat(mail.getMessage().getHeader("X-Spam-Status")).containsExactly("No, score=0 required=5");
    }
}
