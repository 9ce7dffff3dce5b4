package io.tenmail.smtp.dsn;

import io.tenmail.smtp.dsn.DeliveryStatusReport.Action;
import io.tenmail.smtp.dsn.DeliveryStatusReport.Content;
import io.tenmail.smtp.dsn.DeliveryStatusReport.RecipientStatus;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 3464 reports, written and then read back with Angus Mail as a receiving client would. */
class DeliveryStatusReportTest {
    private static final byte[] ORIGINAL = ("Subject: hello\r\nMessage-ID: <m1@example.test>\r\nFrom: a@example.test\r\n\r\nBody text\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    static MimeMessage readBack(MimeMessage report) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.writeTo(bytes);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes.toByteArray()));
    }

    static String text(BodyPart part) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.getDataHandler().writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static Content content(Action action, boolean headersOnly) throws Exception {
        return new Content("mx.example.test", new MailAddress("a@example.test"), Optional.of("env-42"), Instant.parse("2026-01-02T03:04:05Z"),
                action, List.of(
                new RecipientStatus(new MailAddress("bob@example.test"), Optional.of("rfc822; sales@example.test"),
                        "552 5.2.2 <bob@example.test>: mailbox full", Optional.empty()),
                new RecipientStatus(new MailAddress("zed@remote.test"), Optional.empty(), "550 5.1.1 user unknown", Optional.of("mx.remote.test"))),
                ORIGINAL, headersOnly);
    }

    @Test
    void aFailureReportIsAMultipartReportWithTheThreeParts() throws Exception {
        MimeMessage report = readBack(DeliveryStatusReport.compose(content(Action.FAILED, false), Instant.parse("2026-01-02T04:00:00Z")));
        ContentType type = new ContentType(report.getContentType());
        assertThat(type.getBaseType()).isEqualTo("multipart/report");
        assertThat(type.getParameter("report-type")).isEqualTo("delivery-status");
        assertThat(report.getFrom()[0].toString()).contains("MAILER-DAEMON@mx.example.test");
        assertThat(report.getHeader("Auto-Submitted")).containsExactly("auto-replied");
        Multipart parts = (Multipart) report.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(text(parts.getBodyPart(0))).contains("<bob@example.test>: 552 5.2.2");
        assertThat(parts.getBodyPart(1).isMimeType("message/delivery-status")).isTrue();
        assertThat(parts.getBodyPart(2).isMimeType("message/rfc822")).isTrue();
        MimeMessage returned = (MimeMessage) parts.getBodyPart(2).getContent();
        assertThat(returned.getSubject()).isEqualTo("hello");
    }

    @Test
    void theDeliveryStatusHasPerMessageFieldsThenOneBlockPerRecipient() throws Exception {
        MimeMessage report = readBack(DeliveryStatusReport.compose(content(Action.FAILED, false), Instant.now()));
        String status = text(((Multipart) report.getContent()).getBodyPart(1));
        String[] blocks = status.split("\r\n\r\n");
        assertThat(blocks).hasSize(3);
        assertThat(blocks[0]).contains("Reporting-MTA: dns; mx.example.test", "Original-Envelope-Id: env-42",
                "Arrival-Date: Fri, 2 Jan 2026 03:04:05 GMT");
        assertThat(blocks[1]).contains("Original-Recipient: rfc822; sales@example.test", "Final-Recipient: rfc822; bob@example.test",
                "Action: failed", "Status: 5.2.2", "Diagnostic-Code: smtp; 552 5.2.2 <bob@example.test>: mailbox full")
                .doesNotContain("Remote-MTA");
        assertThat(blocks[2]).contains("Final-Recipient: rfc822; zed@remote.test", "Status: 5.1.1", "Remote-MTA: dns; mx.remote.test")
                .doesNotContain("Original-Recipient");
    }

    @Test
    void retHdrsReturnsOnlyTheHeaderAsTextRfc822Headers() throws Exception {
        MimeMessage report = readBack(DeliveryStatusReport.compose(content(Action.FAILED, true), Instant.now()));
        BodyPart third = ((Multipart) report.getContent()).getBodyPart(2);
        assertThat(third.isMimeType("text/rfc822-headers")).isTrue();
        assertThat(text(third)).contains("Subject: hello").doesNotContain("Body text");
    }

    @Test
    void aDelayReportSaysDelayedWithATemporaryStatus() throws Exception {
        Content delayed = new Content("mx.example.test", new MailAddress("a@example.test"), Optional.empty(), Instant.now(), Action.DELAYED,
                List.of(new RecipientStatus(new MailAddress("zed@remote.test"), Optional.empty(), "421 4.4.2 timed out", Optional.empty())),
                ORIGINAL, true);
        MimeMessage report = readBack(DeliveryStatusReport.compose(delayed, Instant.now()));
        assertThat(report.getSubject()).contains("Delay");
        assertThat(text(((Multipart) report.getContent()).getBodyPart(1))).contains("Action: delayed", "Status: 4.4.2");
    }

    @Test
    void theStatusComesFromTheEnhancedCodeElseFromTheReplyClass() {
        assertThat(DeliveryStatusReport.status("550 5.1.1 no such user")).isEqualTo("5.1.1");
        assertThat(DeliveryStatusReport.status("451 try later")).isEqualTo("4.0.0");
        assertThat(DeliveryStatusReport.status("something odd")).isEqualTo("5.0.0");
    }
}
