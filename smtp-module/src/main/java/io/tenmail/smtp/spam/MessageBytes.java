package io.tenmail.smtp.spam;

import io.tenmail.smtp.mailet.QueueMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import org.apache.mailet.Mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A mail's message as octets for the checks, without building a jakarta.mail MimeMessage when the
 * stored bytes are still the message (a {@link QueueMail} no mailet has read or replaced): the
 * checks at the end of DATA then read the blob directly, and parse nothing they do not need.
 * Otherwise the message a mailet left is written out.
 */
public final class MessageBytes {
    private static final Session SESSION = Session.getInstance(new Properties());

    private MessageBytes() {
    }

    /**
     * The message parsed for reading only: for a {@link QueueMail} whose stored bytes are still its
     * message, a MimeMessage of its own, so that the mail stays unchanged and the mailets after the
     * reader (the stamp, delivery) keep working on the stored bytes instead of writing the parsed
     * message out again; otherwise the mail's message itself. The caller must not change it.
     */
    public static MimeMessage forReading(Mail mail) throws MessagingException {
        if (!(mail instanceof QueueMail q && q.changedMessage().isEmpty())) return mail.getMessage();
        try (InputStream in = q.openUnchanged()) {
            return new MimeMessage(SESSION, in);
        } catch (IOException e) {
            throw new MessagingException("cannot read the message of " + mail.getName(), e);
        }
    }

    /** The whole message; the caller closes the stream. */
    static InputStream open(Mail mail) throws MessagingException {
        if (mail instanceof QueueMail q && q.changedMessage().isEmpty()) return q.openUnchanged();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            mail.getMessage().writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot read the message of " + mail.getName(), e);
        }
        return new ByteArrayInputStream(out.toByteArray());
    }

    /** The body as sent (no content transfer decoding); the caller closes the stream. */
    static InputStream openBody(Mail mail) throws MessagingException {
        if (!(mail instanceof QueueMail q && q.changedMessage().isEmpty())) return mail.getMessage().getRawInputStream();
        InputStream in = q.openUnchanged();
        try {
            byte[] start = in.readNBytes(HeaderScan.HEAD_READ);
            Optional<HeaderScan> scan = HeaderScan.of(start, start.length);
            if (scan.isPresent()) {
                int body = scan.get().bodyStart();
                return new SequenceInputStream(new ByteArrayInputStream(start, body, start.length - body), in);
            }
            in.close();
        } catch (IOException | RuntimeException e) {
            closeQuietly(in, e);
            if (e instanceof IOException io) throw new MessagingException("cannot read the message of " + mail.getName(), io);
            throw (RuntimeException) e;
        }
        // unsure where jakarta.mail would end the header (HeaderScan): let it read the header itself,
        // buffered, as MimeMessage does it, so that reading the header lines stops at the body
        InputStream again = new BufferedInputStream(q.openUnchanged());
        try {
            new InternetHeaders(again);
            return again;
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(again, e);
            throw e;
        }
    }

    private static void closeQuietly(InputStream in, Exception failure) {
        try {
            in.close();
        } catch (IOException closing) {
            failure.addSuppressed(closing);
        }
    }

    /** The values of one header field, null if it is absent; reads only the header of stored bytes. */
    static String[] header(Mail mail, String name) throws MessagingException {
        if (!(mail instanceof QueueMail q && q.changedMessage().isEmpty())) return mail.getMessage().getHeader(name);
        return fields(q, Set.of(name.toLowerCase(Locale.ROOT))).getHeader(name);
    }

    /**
     * The header fields of the stored message named {@code names} (lower case), parsed by
     * jakarta.mail; other fields may be there too. Only the lines of those fields are parsed when
     * {@link HeaderScan} is sure where they are, else the whole header.
     */
    static InternetHeaders fields(QueueMail mail, Set<String> names) throws MessagingException {
        try (InputStream in = mail.openUnchanged()) {
            byte[] start = in.readNBytes(HeaderScan.HEAD_READ);
            Optional<HeaderScan> scan = HeaderScan.of(start, start.length);
            if (scan.isPresent()) return new InternetHeaders(new ByteArrayInputStream(scan.get().linesOf(start, names)));
            // InternetHeaders reads a line an octet at a time, which costs less from an array than
            // from the file's stream. A header longer than the first read is parsed from the
            // stream again, so the answer is always that of the whole header.
            ByteArrayInputStream head = new ByteArrayInputStream(start);
            InternetHeaders fields = new InternetHeaders(head);
            if (head.available() > 0 || start.length < HeaderScan.HEAD_READ) return fields;
            try (InputStream again = mail.openUnchanged()) {
                return new InternetHeaders(again);
            }
        } catch (IOException e) {
            throw new MessagingException("cannot read the message of " + mail.getName(), e);
        }
    }
}
